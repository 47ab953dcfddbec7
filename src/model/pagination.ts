import type { OpenAPI3, ParameterObject } from "openapi-typescript";
import type { SpecOperation } from "./operations.js";
import { property, resolveSchema, responseShape, type Schema } from "./response-shape.js";
import type { Pagination } from "./types.js";

/**
 * How a list operation pages, detected from the spec (`x-sdk-pagination` or a config override
 * wins; `false` turns it off). Each scheme names the body field holding the items (`items`,
 * dotted; absent when the body is the array) and what the next request changes.
 *
 * | scheme | next page | seen in |
 * |---|---|---|
 * | `link` | the `Link: <url>; rel="next"` header (RFC 8288) | GitHub |
 * | `next-url` | a URL in the body | Twilio `next_page_uri`, `meta.next_page_url` |
 * | `cursor` | a cursor in the body, sent back as a query parameter | Slack `response_metadata.next_cursor` |
 * | `after-item` | the last item's id, sent as a query parameter | Stripe `starting_after` (+ `has_more`), Discord `after` |
 * | `offset` | offset + items received | `offset` & `limit` |
 * | `page` | page + 1 (from `first`, 1 unless the parameter says 0) | `page` & `per_page` |
 */
export const SCHEMES = ["link", "next-url", "cursor", "after-item", "offset", "page"] as const;

const NEXT_URL = /^(next_?page_?(uri|url)|next_?(url|uri|link)|@odata\.nextLink)$/i;
const NEXT_CURSOR = /^(next_?cursor|next_?page_?token|next_?token|continuation_?token)$/i;
const CURSOR_PARAMS = ["cursor", "page_token", "pageToken", "next_token", "nextToken", "continuation_token", "continuationToken", "next_cursor"];
/** Objects a next URL or cursor is nested in: `meta.next_page_url`, `response_metadata.next_cursor`. */
const WRAPPERS = /^(meta|metadata|response_metadata|links|_links|pagination|paging|page_info|pageInfo)$/i;

export function detectPagination(op: SpecOperation, override: unknown, warnings: string[]): Pagination | undefined {
  const declared = override ?? (op.operation as Record<string, unknown>)["x-sdk-pagination"];
  if (declared === false) return undefined;
  if (declared !== undefined) {
    const explicit = parseDeclared(declared);
    if (explicit) return explicit;
    warnings.push(`${op.httpMethod.toUpperCase()} ${op.path}: ignoring x-sdk-pagination ${JSON.stringify(declared)}: expected false or { scheme: ${SCHEMES.map((s) => `"${s}"`).join(" | ")}, items?, param?, ... } (see docs/resource-model.md)`);
  }
  // Stripe declares an optional (empty) form body on its GETs: only a required one rules paging out.
  if (op.httpMethod !== "get" || op.requestBody?.required === true) return undefined;
  const shape = responseShape(op);
  if (shape.kind !== "array" && shape.kind !== "page") return undefined;
  const items = shape.kind === "page" ? { items: shape.itemsField } : {};
  const body = shape.kind === "page" ? shape.schema : undefined;
  const query = new Map(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p] as [string, ParameterObject]));

  // GitHub's cursor lists (`after`/`before` "as given in the Link header") do not all declare the header.
  // A body that says whether more follows (`has_more`, Adyen's `hasNext`) ends the walk without one more request.
  const more = Object.keys(body?.properties ?? {}).find((name) => /^(has_?more|has_?next)$/i.test(name) && property(op.document, body, name)?.type === "boolean");
  const hasMore = more ? { hasMore: more } : {};
  if (declaresLinkHeader(op) || [...query.values()].some((p) => /\blink`?\s+header\b/i.test(p.description ?? ""))) return { scheme: "link", ...items };
  const nextUrl = findField(op.document, body, NEXT_URL);
  if (nextUrl) return { scheme: "next-url", ...items, next: nextUrl };
  const nextCursor = findField(op.document, body, NEXT_CURSOR);
  const cursorParam = CURSOR_PARAMS.find((name) => query.has(name));
  if (nextCursor && cursorParam) return { scheme: "cursor", ...items, ...hasMore, param: cursorParam, cursor: nextCursor };
  // Stripe's search: `next_page` is an opaque string sent back as `page`.
  if (body?.properties?.["next_page"] && property(op.document, body, "next_page")?.type === "string" && query.has("page") && !isNumber(op.document, query.get("page")!)) {
    return { scheme: "cursor", ...items, ...hasMore, param: "page", cursor: "next_page" };
  }
  // A timeline that can also be read `around` an id (Discord's messages) is newest first: older pages come `before` the last item.
  const afterParam = query.has("around") && query.has("before") ? "before" : (["starting_after", "after"].find((name) => query.has(name)) ?? (query.has("before") ? "before" : undefined));
  const idField = afterParam && itemIdField(op.document, shape.kind === "array" ? shape.schema.items : property(op.document, body, shape.itemsField)?.items);
  if (afterParam && idField) {
    return { scheme: "after-item", ...items, param: afterParam, field: idField, ...hasMore };
  }
  if (query.has("offset")) return { scheme: "offset", ...items, ...hasMore, param: "offset" };
  const pageParam = ["page", "Page", "page_number", "pageNumber"].find((name) => query.has(name));
  if (pageParam && isNumber(op.document, query.get(pageParam)!)) return { scheme: "page", ...items, ...hasMore, param: pageParam, ...firstPage(op.document, query.get(pageParam)!) };
  return undefined;
}

function declaresLinkHeader(op: SpecOperation): boolean {
  return op.responses.some(([status, response]) => status.startsWith("2") && Object.keys(response.headers ?? {}).some((name) => name.toLowerCase() === "link"));
}

/** A string field matching `pattern` at the top of the body or one wrapper object down: `next_page_uri`, `response_metadata.next_cursor`. */
function findField(document: OpenAPI3 | undefined, body: Schema | undefined, pattern: RegExp): string | undefined {
  const names = Object.keys(body?.properties ?? {}).sort();
  const top = names.find((name) => pattern.test(name));
  if (top) return top;
  for (const wrapper of names.filter((name) => WRAPPERS.test(name))) {
    const inner = Object.keys(property(document, body, wrapper)?.properties ?? {}).sort().find((name) => pattern.test(name));
    if (inner) return `${wrapper}.${inner}`;
  }
  return undefined;
}

/** The field of an item that a `starting_after`/`after` cursor takes: `id`, or Discord's `user.id` for members and bans. */
function itemIdField(document: OpenAPI3 | undefined, raw: unknown): string | undefined {
  const item = firstObject(document, raw);
  if (item?.properties?.["id"]) return "id";
  const user = item && property(document, item, "user");
  return user?.properties?.["id"] ? "user.id" : undefined;
}

/** The item schema, or its first object alternative (Discord's `oneOf` of invite kinds). */
function firstObject(document: OpenAPI3 | undefined, raw: unknown): Schema | undefined {
  const schema = resolveSchema(document, raw) as (Schema & { oneOf?: unknown[]; anyOf?: unknown[] }) | undefined;
  if (schema?.properties) return schema;
  for (const member of schema?.oneOf ?? schema?.anyOf ?? []) {
    const resolved = resolveSchema(document, member);
    if (resolved?.properties) return resolved;
  }
  return undefined;
}

/** `{ first: 0 }` for zero-based page numbers (Twilio's `Page`, Adyen's `pageNumber`); one-based is the default. */
function firstPage(document: OpenAPI3 | undefined, param: ParameterObject): { first?: number } {
  const schema = resolveSchema(document, param.schema) as (Schema & { minimum?: unknown; default?: unknown }) | undefined;
  const zeroBased = schema?.minimum === 0 || schema?.default === 0 || /first page is \**0/i.test(param.description ?? "");
  return zeroBased ? { first: 0 } : {};
}

function isNumber(document: OpenAPI3 | undefined, param: ParameterObject): boolean {
  const type = resolveSchema(document, param.schema)?.type ?? (param as { type?: unknown }).type;
  return type === "integer" || type === "number" || (Array.isArray(type) && (type.includes("integer") || type.includes("number")));
}

const FIELDS: Record<(typeof SCHEMES)[number], string[]> = {
  link: [],
  "next-url": ["next"],
  cursor: ["param", "cursor"],
  "after-item": ["param", "field"],
  offset: ["param"],
  page: ["param"],
};
const NUMBERS = new Set(["first"]);

/** `x-sdk-pagination: { scheme: "cursor", items: "data", param: "cursor", cursor: "meta.next" }`, checked field by field. */
function parseDeclared(value: unknown): Pagination | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const scheme = record["scheme"] as (typeof SCHEMES)[number];
  if (!SCHEMES.includes(scheme)) return undefined;
  const allowed = new Set(["scheme", "items", "hasMore", ...FIELDS[scheme]]);
  if (scheme === "page") allowed.add("first");
  const valid = (key: string, field: unknown) => (NUMBERS.has(key) ? Number.isInteger(field) : typeof field === "string" && field !== "");
  if (Object.entries(record).some(([key, field]) => !allowed.has(key) || (key !== "scheme" && !valid(key, field)))) return undefined;
  if (!FIELDS[scheme].every((key) => typeof record[key] === "string")) return undefined;
  return { ...record } as Pagination;
}
