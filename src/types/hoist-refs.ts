import type { OpenAPI3 } from "openapi-typescript";
import { decodeSegment } from "../json-pointer.js";

/** `#/<container…>/<rest>`: a ref that points below a named component or anywhere in `paths`. */
const DEEP_REF = /^#\/((?:components\/[^/]+|paths)\/[^/]+)\/(.+)$/;
/** Segments that only occur inside schemas (or lead to one): the target is a schema. */
const SCHEMA_SEGMENT = /^(schema|schemas|properties|items|additionalProperties|allOf|anyOf|oneOf|not|definitions|\$defs)$/;

/**
 * A `$ref` into the inside of a schema (`#/components/schemas/Account/definitions/accountRef`,
 * `.../items`, `.../allOf/0`) or to the schema of a parameter or response
 * (`#/components/parameters/companyId/schema`) has no type of its own in openapi-typescript's
 * output, which then indexes a property that does not exist. Such targets are hoisted into `components.schemas`
 * under a derived name and the refs rewritten; a ref to one property of a component schema
 * (`#/components/schemas/A/properties/b`) is left alone, since openapi-typescript types it.
 * Returns the document unchanged (same object) when no ref needs it, else a rewritten copy: the
 * caller's document is never mutated.
 */
export function hoistDeepSchemaRefs(document: OpenAPI3): OpenAPI3 {
  if (!hasDeepRef(document)) return document;
  const copy = structuredClone(document);
  const schemas = ((copy.components ??= {}).schemas ??= {}) as Record<string, unknown>;
  const hoisted = new Map<string, string>();
  const visit = (node: unknown, seen: Set<object>): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && isDeep(ref)) (node as { $ref: string }).$ref = `#/components/schemas/${hoist(ref)}`;
    for (const child of Object.values(node)) visit(child, seen);
  };
  const hoist = (ref: string): string => {
    const known = hoisted.get(ref);
    if (known) return encodeURIComponent(known);
    const [, container, rest] = DEEP_REF.exec(ref)!;
    const base = [...container!.split("/").filter((s) => s !== "components" && s !== "schemas"), ...rest!.split("/")].map(decodeSegment).join("_").replace(/[^\w$-]+/g, "_");
    let unique = base;
    for (let n = 2; unique in schemas; n++) unique = `${base}${n}`;
    hoisted.set(ref, unique);
    schemas[unique] = target(copy, ref) ?? {};
    return encodeURIComponent(unique);
  };
  visit(copy, new Set());
  // Hoisted schemas may hold deep refs themselves; they were added after the walk passed them.
  for (let pass = 0; pass < 8 && hasDeepRef(copy); pass++) visit(copy, new Set());
  return copy;
}

/** A ref to a schema nested in something else, except one property of a component schema: what `hoistDeepSchemaRefs` rewrites. */
export function isDeep(ref: string): boolean {
  const match = DEEP_REF.exec(ref);
  if (!match) return false;
  const segments = match[2]!.split("/");
  // A ref into an example (`#/components/schemas/A/example`, written in an `examples` value by
  // shutterstock.com, microsoft.com cognitiveservices-*) is data, not a type: hoisting it as a
  // schema makes openapi-typescript throw on an array. `properties/example` is a property.
  if (segments.some((segment, i) => (segment === "example" || segment === "examples") && segments[i - 1] !== "properties")) return false;
  const inSchema = match[1]!.startsWith("components/schemas/");
  // openapi-typescript types `A/properties/b` as `A["b"]`. A longer chain indexes through optional
  // members (`A["b"]["c"]` with `b?`), and it drops every `properties` segment, even a property
  // named `properties` (azure.com network-applicationGateway): those are hoisted.
  if (inSchema && segments.length === 2 && segments[0] === "properties" && segments[1] !== "properties") return false;
  return inSchema || segments.some((segment) => SCHEMA_SEGMENT.test(segment));
}

function hasDeepRef(node: unknown, seen = new Set<object>()): boolean {
  if (node === null || typeof node !== "object" || seen.has(node)) return false;
  seen.add(node);
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && isDeep(ref)) return true;
  return Object.values(node).some((child) => hasDeepRef(child, seen));
}

function target(document: OpenAPI3, ref: string): unknown {
  let node: unknown = document;
  for (const segment of ref.slice(2).split("/")) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[decodeSegment(segment)] : undefined;
  }
  return node;
}
