import type { MediaTypeObject, OpenAPI3, ParameterObject, SchemaObject } from "openapi-typescript";
import { resolveLocal } from "./operations.js";
import type { FieldEncoding, ParamStyle, WireNote } from "./types.js";

/**
 * How each argument goes on the wire, read from the spec: parameter `style` / `explode` /
 * `allowReserved` (OpenAPI 3.1 §4.8.12.4), GitHub's `x-multi-segment`, and the `encoding` entries
 * of form and multipart bodies (§4.8.15). Only what differs from a location's default is kept, so
 * the generated endpoint descriptions stay short. Also the notes for what cannot go on the wire.
 */

const DEFAULT_STYLE: Record<string, string> = { query: "form", cookie: "form", header: "simple", path: "simple" };

/** A parameter's style where it is not the default for its location; undefined when it is. */
export function paramStyle(param: ParameterObject): ParamStyle | undefined {
  const fallback = DEFAULT_STYLE[param.in] ?? "form";
  const style = (param.style ?? fallback) as NonNullable<ParamStyle["style"]>;
  const explode = param.explode ?? style === "form";
  const allowReserved = param.allowReserved === true || (param.in === "path" && (param as { "x-multi-segment"?: unknown })["x-multi-segment"] === true);
  const result: ParamStyle = {};
  if (style !== fallback) result.style = style;
  if (explode !== (style === "form")) result.explode = explode;
  if (allowReserved && (param.in === "query" || param.in === "path")) result.allowReserved = true;
  return Object.keys(result).length ? result : undefined;
}

/** Styles by parameter name, sorted, for one location. */
export function paramStyles(params: ParameterObject[]): Record<string, ParamStyle> {
  const styles: Record<string, ParamStyle> = {};
  for (const param of [...params].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const style = paramStyle(param);
    if (style) styles[param.name] = style;
  }
  return styles;
}

/** Header parameters declared `explode: true` (the only choice the `simple` style leaves). */
export function headerExplode(params: ParameterObject[]): Record<string, boolean> | undefined {
  const exploded = params.filter((p) => p.explode === true).sort((a, b) => (a.name < b.name ? -1 : 1));
  return exploded.length ? Object.fromEntries(exploded.map((p) => [p.name, true])) : undefined;
}

/** A part header value the runtime can send: printable, single-line text. */
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/** The media type's `encoding` map for a form or multipart body, in the runtime's shape; undefined when empty. */
export function bodyEncoding(document: OpenAPI3 | undefined, media: MediaTypeObject | undefined): Record<string, FieldEncoding> | undefined {
  const result: Record<string, FieldEncoding> = {};
  for (const [field, entry] of Object.entries(media?.encoding ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const encoding: FieldEncoding = {};
    if (entry.style) encoding.style = entry.style as NonNullable<ParamStyle["style"]>;
    if (typeof entry.explode === "boolean") encoding.explode = entry.explode;
    if (entry.allowReserved) encoding.allowReserved = true;
    if (entry.contentType) encoding.contentType = entry.contentType;
    const headers: Record<string, string> = {};
    for (const [name, rawHeader] of Object.entries(entry.headers ?? {})) {
      const schema = resolveLocal<SchemaObject | undefined>(document ?? ({} as OpenAPI3), resolveLocal<{ schema?: unknown }>(document ?? ({} as OpenAPI3), rawHeader)?.schema);
      // Only a value the spec fixes can be sent; a header described by type alone has no value to send.
      const value = (schema as { const?: unknown } | undefined)?.const ?? schema?.default;
      if (["string", "number", "boolean"].includes(typeof value) && HEADER_VALUE.test(String(value)) && /^[!#$%&'*+.^_`|~\w-]+$/.test(name)) headers[name] = String(value);
    }
    if (Object.keys(headers).length) encoding.headers = headers;
    if (Object.keys(encoding).length) result[field] = encoding;
  }
  return Object.keys(result).length ? result : undefined;
}

/** What the spec declares that `fetch` cannot send, or that has no defined serialization. */
export function wireNotes(options: {
  document: OpenAPI3 | undefined;
  httpMethod: string;
  droppedBody: boolean;
  query: ParameterObject[];
}): WireNote[] {
  const notes: WireNote[] = [];
  const method = options.httpMethod.toUpperCase();
  if (options.droppedBody) {
    notes.push({ rule: "get-with-body", reason: `${method} with a request body: fetch cannot send one (and RFC 9110 §9.3.1 gives it no meaning), so the generated method takes no body` });
  }
  if (method === "TRACE") {
    notes.push({ rule: "unsendable-method", reason: "TRACE is a method the Fetch standard forbids: the generated method always fails with RequestBuildError (never sent)" });
  }
  for (const param of options.query) {
    if ((param.style ?? "form") === "deepObject" || !isArrayOfObjects(options.document, param.schema)) continue;
    notes.push({
      rule: "unserializable-parameter",
      reason: `query parameter ${JSON.stringify(param.name)} is an array of objects, which OpenAPI's ${param.style ?? "form"} style cannot serialize: a call that passes it fails with RequestBuildError (never sent)`,
    });
  }
  return notes;
}

function isArrayOfObjects(document: OpenAPI3 | undefined, raw: unknown): boolean {
  const schema = document ? resolveLocal<SchemaObject | undefined>(document, raw) : (raw as SchemaObject | undefined);
  if (!schema || (schema as { type?: unknown }).type !== "array") return false;
  const items = document ? resolveLocal<SchemaObject | undefined>(document, (schema as { items?: unknown }).items) : ((schema as { items?: unknown }).items as SchemaObject | undefined);
  const type = (items as { type?: unknown } | undefined)?.type;
  return type === "object" || type === "array" || (items !== undefined && "properties" in items);
}
