/**
 * Turning arguments into a URL, headers and a body, each in the serialization the spec declares:
 * OpenAPI 3.1 `style` / `explode` / `allowReserved` (§4.8.12.4, after RFC 6570) and, for form and
 * multipart bodies, the media type's `encoding` entries. A value the declared style cannot express
 * (an array of objects in a query) is refused with a `TypeError` before anything is sent.
 */

import { newIdempotencyKey } from "./idempotency-key.js";

export type PathValue = string | number | boolean | bigint | readonly PathValue[] | { readonly [key: string]: PathValue };

/** A parameter's or form field's serialization where it is not its location's default. */
export interface ParamStyle {
  style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject" | "simple" | "label" | "matrix";
  explode?: boolean;
  allowReserved?: boolean;
}

/** One field's `encoding` entry of a form or multipart body; `headers` are the part headers whose value the spec fixes. */
export interface FieldEncoding extends ParamStyle {
  contentType?: string;
  headers?: Readonly<Record<string, string>>;
}

// allowReserved keeps RFC 3986 reserved characters, except those that would change how the
// receiver splits the URL: `#`, `&`, `=`, `+` in a query; `?`, `#`, `[`, `]` in a path.
const QUERY_RESERVED = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B|5B|5D)/gi;
const PATH_RESERVED = /%(3A|2F|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi;

function percent(text: string, keep?: RegExp): string {
  const encoded = encodeURIComponent(text);
  return keep ? encoded.replace(keep, decodeURIComponent) : encoded;
}

function scalar(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function isComposite(value: unknown): value is object {
  return typeof value === "object" && value !== null && !(value instanceof Date) && !(typeof Blob !== "undefined" && value instanceof Blob);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Arrays and objects as a flat list of primitives: `["a","b"]`, or `{R:1,G:2}` → `["R","1","G","2"]` (unexploded) / `["R=1","G=2"]` (exploded). */
function flatParts(value: object, explode: boolean, encode: (text: string) => string, what: string): string[] {
  if (Array.isArray(value)) {
    return value.filter(present).map((item) => {
      if (isComposite(item)) throw new TypeError(`${what} is an array of objects or arrays, which its OpenAPI style cannot serialize`);
      return encode(scalar(item));
    });
  }
  return Object.entries(value).flatMap(([key, item]) => {
    if (!present(item)) return [];
    if (isComposite(item)) throw new TypeError(`${what} holds a nested object or array (${JSON.stringify(key)}), which its OpenAPI style cannot serialize`);
    return explode ? [`${encode(key)}=${encode(scalar(item))}`] : [encode(key), encode(scalar(item))];
  });
}

/**
 * One path parameter: `simple` (default; `a,b`, objects `k,v` or exploded `k=v`), `label` (`.a.b`)
 * or `matrix` (`;id=a,b`), each part percent-encoded; with `allowReserved` (or `x-multi-segment`)
 * `/` is kept so `docs/README.md` stays two segments. `.`, `..` and empty values (or segments) are
 * refused so an argument cannot walk up or collapse the path.
 */
export function encodePathParam(value: PathValue, style: ParamStyle & { name?: string } = {}): string {
  const text = pathText(value, style);
  const segments = style.allowReserved ? text.split("/") : [text];
  if (text === "" || segments.some((segment) => segment === "." || segment === "..")) {
    throw new TypeError(`invalid path parameter ${JSON.stringify(text)}: it would change which URL is called`);
  }
  return text;
}

function pathText(value: PathValue, { style = "simple", explode = false, allowReserved, name = "" }: ParamStyle & { name?: string }): string {
  const encode = (text: string) => percent(text, allowReserved ? PATH_RESERVED : undefined);
  const what = `path parameter ${JSON.stringify(name)}`;
  const composite = isComposite(value);
  if (style === "label") {
    if (!composite) return `.${encode(scalar(value))}`;
    return `.${flatParts(value, explode, encode, what).join(explode ? "." : ",")}`;
  }
  if (style === "matrix") {
    const key = encode(name);
    if (!composite) return `;${key}${value === "" ? "" : `=${encode(scalar(value))}`}`;
    const parts = flatParts(value, explode, encode, what);
    if (!explode) return `;${key}=${parts.join(",")}`;
    return parts.map((part) => (Array.isArray(value) ? `;${key}=${part}` : `;${part}`)).join("");
  }
  if (!composite) return encode(scalar(value));
  // Nested arrays (`[["x","y"],["z"]]`) flatten in the simple style, as they always have.
  const flat = Array.isArray(value) ? value.flat(Infinity as 1) : value;
  return flatParts(flat, explode, encode, what).join(",");
}

/**
 * `name=value` pairs, already percent-encoded, for one query parameter or form field in its style:
 * - `form` (default, exploded): arrays repeat the name, objects give their fields as pairs;
 *   unexploded: `name=a,b`, `name=R,100,G,200`;
 * - `spaceDelimited` / `pipeDelimited`: unexploded `name=a%20b` / `name=a|b`; exploded as `form`;
 * - `deepObject`: `name[field]=v`, nested objects `name[a][b]=v`, arrays by index `name[0]=v` (how
 *   Stripe's own library and Prism read them; brackets sent literally, as in Stripe's docs).
 * Null and undefined are left out. An array of objects outside `deepObject` has no serialization.
 */
export function stylePairs(name: string, value: unknown, style: ParamStyle = {}, what = "query parameter"): string[] {
  const keep = style.allowReserved ? QUERY_RESERVED : undefined;
  return styleEntries(name, value, style, what, (text) => percent(text, keep)).map(([key, text]) => `${key}=${text}`);
}

/** `[name, value]` entries in `style`, each part passed through `encode` (identity for multipart parts). */
function styleEntries(name: string, value: unknown, style: ParamStyle, what: string, encode: (text: string) => string): Array<[string, string]> {
  if (!present(value)) return [];
  const kind = style.style ?? "form";
  if (kind === "deepObject") return deepEntries(encode(name), value, encode);
  const key = encode(name);
  if (!isComposite(value)) return [[key, encode(scalar(value))]];
  const explode = style.explode ?? kind === "form";
  const parts = flatParts(value, explode, encode, `${what} ${JSON.stringify(name)}`);
  if (!explode) return parts.length ? [[key, parts.join(kind === "spaceDelimited" ? "%20" : kind === "pipeDelimited" ? "|" : ",")]] : [];
  if (Array.isArray(value)) return parts.map((part) => [key, part]);
  return Object.entries(value).flatMap(([field, item]) => (present(item) ? [[encode(field), encode(scalar(item))] as [string, string]] : []));
}

function deepEntries(key: string, value: unknown, encode: (text: string) => string): Array<[string, string]> {
  if (!present(value)) return [];
  if (!isComposite(value)) return [[key, encode(scalar(value))]];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([field, item]) => deepEntries(`${key}[${encode(field)}]`, item, encode));
}

/** Query parameters, each in its style; the default is form, exploded: `?tag=a&tag=b&limit=10`. */
export function appendQuery(url: string, query: object | undefined, styles?: Readonly<Record<string, ParamStyle>>): string {
  if (!query) return url;
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) pairs.push(...stylePairs(key, value, styles?.[key]));
  return pairs.length ? `${url}${url.includes("?") ? "&" : "?"}${pairs.join("&")}` : url;
}

/**
 * Header parameters in the `simple` style: arrays `a,b`, objects `R,100,G,200` or exploded
 * `R=100,G=200`. Returns the headers unchanged (the same object) when no value needs it.
 */
export function styleHeaders<T extends object | undefined>(headers: T, exploded?: Readonly<Record<string, boolean>>): T {
  if (!headers || !Object.values(headers).some(isComposite)) return headers;
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = isComposite(value) ? flatParts(value, exploded?.[name] ?? false, (text) => text, `header ${JSON.stringify(name)}`).join(",") : value;
  }
  return result as T;
}

/**
 * Cookie parameters (`form` style) appended to the `Cookie` header: `session=a%20b`; arrays and
 * objects unexploded `ids=1,2`, exploded one pair each (`ids=1; ids=2`, `R=100; G=200`).
 */
export function appendStyledCookies(headers: Record<string, string>, cookies: object, styles?: Readonly<Record<string, ParamStyle>>): void {
  const pairs = Object.entries(cookies).flatMap(([name, value]) => stylePairs(name, value, styles?.[name], "cookie"));
  if (pairs.length) headers["cookie"] = headers["cookie"] ? `${headers["cookie"]}; ${pairs.join("; ")}` : pairs.join("; ");
}

export type BodyFormat = "json" | "form" | "multipart" | "text" | "binary";

/**
 * Encodes the body once, before the first attempt, so every retry sends the same bytes. `encoding`
 * is the media type's `encoding` map (form and multipart only). Multipart bodies let `fetch` set
 * the boundary unless a part declares headers of its own.
 */
export function encodeBody(
  format: BodyFormat,
  contentType: string,
  body: unknown,
  encoding?: Readonly<Record<string, FieldEncoding>>,
): { body: NonNullable<RequestInit["body"]>; contentType: string | undefined } {
  if (format === "json") return { body: JSON.stringify(body), contentType };
  if (format === "multipart") return multipartBody(body, encoding);
  if (format === "form") return { body: formBody(body, encoding), contentType };
  return { body: format === "text" ? String(body) : (body as NonNullable<RequestInit["body"]>), contentType };
}

/** A field with a declared `contentType` and no `style` is that media type (JSON for `application/json`); else its style, `form` by default. */
function formBody(body: unknown, encoding?: Readonly<Record<string, FieldEncoding>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const field = encoding?.[key];
    if (field?.contentType && !field.style && isComposite(value) && /json/i.test(field.contentType)) pairs.push(`${percent(key)}=${percent(JSON.stringify(value))}`);
    else pairs.push(...stylePairs(key, value, field, "form field"));
  }
  return pairs.join("&");
}

interface Part {
  name: string;
  value: string | Blob;
  contentType: string | undefined;
  headers: Readonly<Record<string, string>> | undefined;
}

/**
 * Multipart (OpenAPI 3.1 §4.8.14.4): files as they are; arrays one part per item; objects as JSON;
 * primitives as text; a part's declared `contentType` labels it. An object whose `encoding` names
 * a `style` explicitly goes out as one part per entry of that style (`file_link_data[create]`):
 * OpenAPI says multipart ignores `style`, but a spec that declares it (Stripe's) means it, and its
 * server reads nothing else.
 */
function multipartBody(body: unknown, encoding?: Readonly<Record<string, FieldEncoding>>): { body: NonNullable<RequestInit["body"]>; contentType: string | undefined } {
  const parts: Part[] = [];
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const field = encoding?.[name];
    if (field?.style && isComposite(value) && !(Array.isArray(value) && field.style !== "deepObject")) {
      for (const [key, text] of styleEntries(name, value, field, "multipart field", (part) => part)) parts.push({ name: key, value: text, contentType: undefined, headers: undefined });
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (!present(item)) continue;
      const json = isComposite(item);
      const text = json ? JSON.stringify(item) : item instanceof Blob ? item : scalar(item);
      const declared = field?.contentType?.split(",")[0]?.trim();
      parts.push({ name, value: text, contentType: declared ?? (json ? "application/json" : undefined), headers: field?.headers });
    }
  }
  if (parts.some((part) => part.headers && Object.keys(part.headers).length)) return handWritten(parts);
  const form = new FormData();
  for (const { name, value, contentType } of parts) {
    if (value instanceof Blob) form.append(name, contentType && !value.type ? new Blob([value], { type: contentType }) : value, (value as { name?: string }).name ?? "blob");
    else if (contentType && !/^text\/plain/i.test(contentType)) form.append(name, new Blob([value], { type: contentType }), name);
    else form.append(name, value);
  }
  return { body: form, contentType: undefined };
}

/** `FormData` cannot carry per-part headers, so a body with them is written out here (RFC 7578). */
function handWritten(parts: Part[]): { body: Blob; contentType: string } {
  // A random UUID that also works outside secure contexts (plain-http pages).
  const boundary = `----sdkwright${newIdempotencyKey().replace(/-/g, "")}`;
  const quote = (text: string) => text.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const chunks: Array<string | Blob> = [];
  for (const { name, value, contentType, headers } of parts) {
    const filename = value instanceof Blob ? `; filename="${quote((value as { name?: string }).name ?? "blob")}"` : "";
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"${filename}\r\n`;
    const type = contentType ?? (value instanceof Blob ? value.type || "application/octet-stream" : undefined);
    if (type) head += `Content-Type: ${type}\r\n`;
    for (const [header, text] of Object.entries(headers ?? {})) if (!/^content-(type|disposition)$/i.test(header)) head += `${header}: ${text}\r\n`;
    chunks.push(`${head}\r\n`, value, "\r\n");
  }
  chunks.push(`--${boundary}--\r\n`);
  return { body: new Blob(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
