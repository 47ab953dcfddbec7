/** Turning arguments into a URL and a body. */

export type PathValue = string | number | boolean | bigint | readonly PathValue[] | { readonly [key: string]: PathValue };

/**
 * Encodes one path parameter in OpenAPI's default `simple` style (arrays `a,b`, objects `k,v`),
 * each part percent-encoded; `.`, `..` and empty values are refused so an argument cannot walk up
 * or collapse the path.
 */
export function encodePathParam(value: PathValue): string {
  const text = simple(value);
  if (text === "." || text === ".." || text === "") {
    throw new TypeError(`invalid path parameter ${JSON.stringify(text)}: it would change which URL is called`);
  }
  return text;
}

function simple(value: PathValue): string {
  if (typeof value !== "object") return encodeURIComponent(String(value));
  return (Array.isArray(value) ? value : Object.entries(value).flat()).map(simple).join(",");
}

/**
 * A query parameter's OpenAPI `style` and `explode`, when not the default (`form`, exploded):
 * `form-no-explode` (`tags=a,b`), `space` and `pipe` (delimited arrays), `deep` (deepObject:
 * `filter[name]=x`).
 */
export type QueryStyle = "form-no-explode" | "space" | "pipe" | "deep";

/** Query parameters, each in its style; the default is form, exploded: `?tag=a&tag=b&limit=10`. */
export function appendQuery(url: string, query: object | undefined, styles?: Readonly<Record<string, QueryStyle>>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) append(params, key, value, styles?.[key]);
  const text = params.toString();
  return text ? `${url}${url.includes("?") ? "&" : "?"}${text}` : url;
}

/**
 * One parameter, recursively. Exploded form: arrays repeat the key, objects give their fields as
 * parameters. deepObject: `key[field]`, arrays repeat the key. The other styles join the parts
 * (objects as `k1,v1,k2,v2`) with `,`, space or `|` into one value. Null and undefined are left out.
 */
function append(params: URLSearchParams, key: string, value: unknown, style: QueryStyle | undefined): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "object" || value instanceof Date) {
    params.append(key, scalar(value));
  } else if (style && style !== "deep") {
    const parts = Array.isArray(value) ? value : Object.entries(value).flat();
    params.append(key, parts.filter((part) => part !== undefined && part !== null).map(scalar).join(style === "space" ? " " : style === "pipe" ? "|" : ","));
  } else {
    const list = Array.isArray(value);
    for (const [name, item] of Object.entries(value)) append(params, list ? key : style ? `${key}[${name}]` : name, item, style);
  }
}

function scalar(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export type BodyFormat = "json" | "form" | "multipart" | "text" | "binary";

/**
 * Encodes the body once, before the first attempt, so every retry sends the same bytes.
 * Multipart bodies let `fetch` set the boundary, so no content-type is returned for them.
 */
export function encodeBody(format: BodyFormat, contentType: string, body: unknown): { body: NonNullable<RequestInit["body"]>; contentType: string | undefined } {
  if (format === "json") return { body: JSON.stringify(body), contentType };
  if (format === "multipart") return { body: formFields(body, new FormData()), contentType: undefined };
  return { body: format === "form" ? formFields(body, new URLSearchParams()) : format === "text" ? String(body) : (body as NonNullable<RequestInit["body"]>), contentType };
}

function formFields<T extends URLSearchParams | FormData>(body: unknown, target: T): T {
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (target instanceof FormData && item instanceof Blob) target.append(key, item);
      else target.append(key, typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : scalar(item));
    }
  }
  return target;
}
