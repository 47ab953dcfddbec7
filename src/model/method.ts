import type { MediaTypeObject } from "openapi-typescript";
import { camelCase, uniqueName } from "./names.js";
import { plainParamType } from "./param-type.js";
import type { SpecOperation } from "./operations.js";
import { bodyEncoding, headerExplode, paramStyle, paramStyles, wireNotes } from "./wire.js";
import type { ApiMethod, HttpMethod, MediaChoice, MethodKind, PathParam, ResponseChoice, Role } from "./types.js";

/** RFC 9110 §9.2.2: these methods are idempotent, so repeating them cannot change the outcome. */
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(["get", "head", "options", "put", "delete", "trace"]);

/** Turns one spec operation into a method of the IR (everything except its final name). */
export function describeMethod(op: SpecOperation, name: string, kind: MethodKind, role: Role): ApiMethod {
  const params = op.parameters;
  const query = params.filter((p) => p.in === "query");
  const headers = params.filter((p) => p.in === "header");
  const cookies = params.filter((p) => p.in === "cookie");
  const idempotencyHeader = headers.find((p) => p.name.toLowerCase() === "idempotency-key")?.name;
  // fetch cannot send a GET or HEAD body (and RFC 9110 gives it no meaning): the method takes none, and lint says so.
  const droppedBody = op.requestBody !== undefined && (op.httpMethod === "get" || op.httpMethod === "head");
  const content = droppedBody ? {} : (op.requestBody?.content ?? {});
  const bodyMedia = op.requestBody ? withEncoding(op, chooseMedia(content)) : undefined;
  return {
    name,
    aliases: [],
    kind,
    role,
    httpMethod: op.httpMethod,
    path: op.path,
    operationId: op.operation.operationId,
    pathParams: pathParams(op),
    hasQuery: query.length > 0,
    queryRequired: query.some((p) => p.required === true),
    hasHeaders: headers.length > 0,
    headersRequired: headers.some((p) => p.required === true && p.name.toLowerCase() !== "idempotency-key"),
    hasCookies: cookies.length > 0,
    cookiesRequired: cookies.some((p) => p.required === true),
    queryStyles: paramStyles(query),
    ...optional("headerExplode", headerExplode(headers)),
    ...optional("cookieStyles", paramStyles(cookies)),
    ...optional("wireNotes", wireNotes({ document: op.document, httpMethod: op.httpMethod, droppedBody, query })),
    body: bodyMedia ? { required: op.requestBody?.required === true, media: bodyMedia, alternatives: alternativeMedia(content, bodyMedia).map((media) => withEncoding(op, media)!) } : undefined,
    responses: successResponses(op),
    accept: acceptHeader(op),
    declaresLocation: op.responses.some(
      ([status, response]) => status.startsWith("2") && Object.keys(response.headers ?? {}).some((name) => name.toLowerCase() === "location"),
    ),
    retry: retryClass(op.httpMethod, idempotencyHeader),
    auth: op.auth,
    idempotencyHeader,
    summary: op.operation.summary,
    description: op.operation.description,
    deprecated: op.operation.deprecated === true,
  };
}

/** `{ key: value }` when the value says something (not undefined, not empty), else nothing: the IR stays small. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  if (value === undefined || (typeof value === "object" && value !== null && Object.keys(value).length === 0)) return {};
  return { [key]: value } as { [P in K]: V };
}

/** A form or multipart request media type with its `encoding` entries, which the runtime follows field by field. */
function withEncoding(op: SpecOperation, media: MediaChoice | undefined): MediaChoice | undefined {
  if (!media || (media.format !== "form" && media.format !== "multipart")) return media;
  const encoding = bodyEncoding(op.document, op.requestBody?.content?.[media.contentType] as MediaTypeObject | undefined);
  return encoding ? { ...media, encoding } : media;
}

export function retryClass(method: HttpMethod, idempotencyHeader: string | undefined): ApiMethod["retry"] {
  if (IDEMPOTENT.has(method)) return { safe: true, reason: `${method.toUpperCase()} is idempotent` };
  if (idempotencyHeader) return { safe: true, reason: `${method.toUpperCase()} with an ${idempotencyHeader} header` };
  return { safe: false, reason: `${method.toUpperCase()} is not idempotent` };
}

/** `{name}` placeholders in path order, with argument names that cannot clash with the generated code's own. */
function pathParams(op: SpecOperation): PathParam[] {
  // Names the generated function uses itself: its `client` parameter, the runtime helpers it calls, the `contentType` it picks.
  const taken = new Set(["body", "options", "client", "encodePathParam", "readEventStream", "contentType"]);
  const declared = new Map(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, p]));
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  return [...new Set(names)].map((name) => {
    const type = declared.has(name) ? plainParamType(declared.get(name)!.schema) : undefined;
    const style = declared.has(name) ? paramStyle(declared.get(name)!) : undefined;
    return { name, identifier: uniqueName(camelCase(name, "param"), taken), declared: declared.has(name), ...(type ? { type } : {}), ...(style ? { style } : {}) };
  });
}

const MEDIA_PREFERENCE: Array<[RegExp, MediaChoice["format"]]> = [
  [/^application\/(.+\+)?json(;|$)/i, "json"],
  [/^application\/x-www-form-urlencoded(;|$)/i, "form"],
  [/^multipart\/form-data(;|$)/i, "multipart"],
  [/^text\/event-stream(;|$)/i, "event-stream"],
  [/^text\//i, "text"],
];

/** JSON first, then forms, then text; anything else is sent or returned as bytes. */
export function chooseMedia(content: Record<string, MediaTypeObject | unknown>): MediaChoice | undefined {
  const types = Object.keys(content);
  for (const [pattern, format] of MEDIA_PREFERENCE) {
    const match = types.find((type) => pattern.test(type));
    if (match) return { contentType: match, format };
  }
  const first = types[0];
  if (first === undefined) return undefined;
  // `*/*` (xkcd) or `application/*` with a schema: ask for JSON; the runtime decodes by what arrives.
  const wildcard = types.find((type) => /^(\*|application)\/\*/.test(type));
  if (wildcard && (content[wildcard] as MediaTypeObject | undefined)?.schema) return { contentType: wildcard, format: "json" };
  return { contentType: first, format: /json/i.test(first) ? "json" : "binary" };
}

/**
 * The request content types besides the default that a caller can choose per call: each with a
 * schema and a concrete type (a wildcard or an event stream cannot be sent), in spec order.
 */
function alternativeMedia(content: Record<string, MediaTypeObject | unknown>, chosen: MediaChoice): MediaChoice[] {
  return Object.keys(content)
    .filter((type) => type !== chosen.contentType && !type.includes("*"))
    .map((type) => chooseMedia({ [type]: content[type] })!)
    .filter((media) => media.format !== "event-stream");
}

/** The `Accept` header: the success responses' media types, JSON first; a wildcard also asks for JSON. */
function acceptHeader(op: SpecOperation): string | undefined {
  const types = new Set<string>();
  for (const [status, response] of op.responses) if (/^2(\d\d|XX)$/i.test(status)) for (const type of Object.keys(response.content ?? {})) types.add(type);
  if ([...types].some((type) => type.includes("*"))) types.add("application/json");
  const ordered = [...types].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return ordered.length ? ordered.join(", ") : undefined;
}

function rank(type: string): number {
  return /json/i.test(type) ? 0 : type.includes("*") ? 2 : 1;
}

function successResponses(op: SpecOperation): ResponseChoice[] {
  return op.responses
    .filter(([status]) => /^2(\d\d|XX)$/i.test(status))
    .map(([status, response]) => ({ status, media: chooseMedia(response.content ?? {}) }));
}
