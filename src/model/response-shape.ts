import type { OpenAPI3 } from "openapi-typescript";
import { words } from "./names.js";
import { resolveLocal, type SpecOperation } from "./operations.js";

/** A JSON schema as far as we look into it: resolved `$ref`s, `allOf` merged one level deep. */
export interface Schema {
  type?: unknown;
  format?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

/**
 * What a GET's success body is: a bare array, a page (an object that wraps one array of items,
 * such as `{ total_count, workflow_runs: [...] }` or `{ data: [...], has_more }`), one object, or
 * something we cannot tell (no JSON schema).
 */
export type ResponseShape =
  | { kind: "array"; schema: Schema }
  | { kind: "page"; schema: Schema; itemsField: string }
  | { kind: "object"; schema: Schema }
  | { kind: "unknown" };

/** Fields that say an object is one page of a longer list. */
const PAGE_MARKERS = new Set("has more total count next prev previous cursor page pages size offset limit meta metadata link links pagination object url uri end start ok".split(" "));

function isPageMarker(name: string): boolean {
  return words(name).some((word) => PAGE_MARKERS.has(word));
}

/** The schema of the first 2xx JSON response (200 preferred), resolved. */
export function successSchema(op: SpecOperation): Schema | undefined {
  const ordered = [...op.responses].filter(([status]) => /^2(\d\d|XX)$/i.test(status)).sort(([a], [b]) => (a === "200" ? -1 : b === "200" ? 1 : 0));
  for (const [, response] of ordered) {
    const entry = Object.entries(response.content ?? {}).find(([type]) => /json/i.test(type));
    const schema = (entry?.[1] as { schema?: unknown } | undefined)?.schema;
    if (schema !== undefined) return resolveSchema(op.document, schema);
  }
  return undefined;
}

/** Resolves `$ref`s and merges `allOf` members' properties (enough to see a page's fields). */
export function resolveSchema(document: OpenAPI3 | undefined, raw: unknown, depth = 0): Schema | undefined {
  const schema = (document ? resolveLocal<Schema>(document, raw) : raw) as Schema | undefined;
  if (schema === null || typeof schema !== "object") return undefined;
  if (!schema.allOf || depth > 4) return schema;
  const merged: Schema = { ...schema, properties: { ...schema.properties } };
  for (const part of schema.allOf) {
    const resolved = resolveSchema(document, part, depth + 1);
    if (resolved?.type !== undefined && merged.type === undefined) merged.type = resolved.type;
    Object.assign(merged.properties!, resolved?.properties ?? {});
  }
  return merged;
}

export function property(document: OpenAPI3 | undefined, schema: Schema | undefined, name: string): Schema | undefined {
  const raw = schema?.properties?.[name];
  return raw === undefined ? undefined : resolveSchema(document, raw);
}

/** An array, or an array or null (`type: [array, null]`), after resolving `$ref`s. */
export function isArraySchema(document: OpenAPI3 | undefined, raw: unknown): boolean {
  return isArray(resolveSchema(document, raw));
}

function isArray(schema: Schema | undefined): boolean {
  return schema?.type === "array" || (Array.isArray(schema?.type) && schema.type.includes("array"));
}

/** Placement asks once per operation at a path, pagination once more: computed once per operation. */
const shapes = new WeakMap<SpecOperation, ResponseShape>();

export function responseShape(op: SpecOperation): ResponseShape {
  let shape = shapes.get(op);
  if (!shape) shapes.set(op, (shape = computeShape(op)));
  return shape;
}

function computeShape(op: SpecOperation): ResponseShape {
  const schema = alternativesMerged(op.document, successSchema(op));
  // A text or binary answer (`/zen`, a file) is one thing too.
  if (!schema) return answersNonJson(op) ? { kind: "object", schema: {} } : { kind: "unknown" };
  if (isArray(schema)) return { kind: "array", schema };
  const names = Object.keys(schema.properties ?? {});
  const arrays = names.filter((name) => isArray(property(op.document, schema, name)));
  // One array beside page markers (or alone) is a page of items; an object with several arrays, or none, is one thing.
  if (arrays.length === 1 && names.every((name) => name === arrays[0] || isPageMarker(name))) {
    return { kind: "page", schema, itemsField: arrays[0]! };
  }
  return schema.type === "object" || names.length > 0 ? { kind: "object", schema } : { kind: "unknown" };
}

/** `oneOf: [private-user, public-user]`: all objects is one object with every member's fields; all arrays is an array. */
function alternativesMerged(document: OpenAPI3 | undefined, schema: Schema | undefined): Schema | undefined {
  const members = schema?.oneOf ?? schema?.anyOf;
  if (!schema || !members || schema.type !== undefined || schema.properties) return schema;
  const resolved = members.map((member) => resolveSchema(document, member));
  if (resolved.every((member) => isArray(member))) return resolved[0];
  if (!resolved.every((member) => member && !isArray(member) && (member.type === "object" || member.properties))) return schema;
  return { type: "object", properties: Object.assign({}, ...resolved.map((member) => member!.properties ?? {})) };
}

function answersNonJson(op: SpecOperation): boolean {
  return op.responses.some(([status, response]) => /^2/.test(status) && Object.keys(response.content ?? {}).some((type) => !/json/i.test(type)));
}
