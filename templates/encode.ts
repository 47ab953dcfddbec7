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
  if (Array.isArray(value)) return value.map(simple).join(",");
  if (typeof value === "object") return Object.entries(value).flatMap(([key, item]) => [encodeURIComponent(key), simple(item)]).join(",");
  return encodeURIComponent(String(value));
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
  for (const [key, value] of Object.entries(query)) {
    const style = styles?.[key];
    if (style === undefined) appendValue(params, key, value);
    else if (style === "deep") appendDeep(params, key, value);
    else appendJoined(params, key, value, style === "space" ? " " : style === "pipe" ? "|" : ",");
  }
  const text = params.toString();
  return text ? `${url}${url.includes("?") ? "&" : "?"}${text}` : url;
}

/** Non-exploded and delimited styles: one `key=a,b` (objects as `key=k1,v1,k2,v2`). */
function appendJoined(params: URLSearchParams, key: string, value: unknown, separator: string): void {
  if (value === undefined || value === null) return;
  const parts = Array.isArray(value) ? value : typeof value === "object" && !(value instanceof Date) ? Object.entries(value).flat() : [value];
  params.append(key, parts.filter((part) => part !== undefined && part !== null).map(scalar).join(separator));
}

/** deepObject: `filter[name]=x&filter[tags]=a&filter[tags]=b`, nested objects nested in brackets. */
function appendDeep(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    for (const [name, item] of Object.entries(value)) appendDeep(params, `${key}[${name}]`, item);
  } else if (Array.isArray(value)) {
    for (const item of value) appendDeep(params, key, item);
  } else {
    params.append(key, scalar(value));
  }
}

function scalar(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function appendValue(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendValue(params, key, item);
  } else if (value instanceof Date) {
    params.append(key, value.toISOString());
  } else if (typeof value === "object") {
    for (const [name, item] of Object.entries(value)) appendValue(params, name, item);
  } else {
    params.append(key, String(value));
  }
}

export type BodyFormat = "json" | "form" | "multipart" | "text" | "binary";

/**
 * Encodes the body once, before the first attempt, so every retry sends the same bytes.
 * Multipart bodies let `fetch` set the boundary, so no content-type is returned for them.
 */
export function encodeBody(format: BodyFormat, contentType: string, body: unknown): { body: BodyInit; contentType: string | undefined } {
  switch (format) {
    case "json":
      return { body: JSON.stringify(body), contentType };
    case "form":
      return { body: formFields(body, new URLSearchParams()), contentType };
    case "multipart":
      return { body: formFields(body, new FormData()), contentType: undefined };
    case "text":
      return { body: String(body), contentType };
    default:
      return { body: body as BodyInit, contentType };
  }
}

function formFields<T extends URLSearchParams | FormData>(body: unknown, target: T): T {
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (target instanceof FormData && item instanceof Blob) target.append(key, item);
      else target.append(key, typeof item === "object" && !(item instanceof Date) ? JSON.stringify(item) : String(item instanceof Date ? item.toISOString() : item));
    }
  }
  return target;
}
