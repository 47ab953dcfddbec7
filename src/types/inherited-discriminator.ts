import type { OpenAPI3 } from "openapi-typescript";

type Node = Record<string, unknown>;
const PREFIX = "#/components/schemas/";
const isObject = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * A parent that lists its variants in `oneOf`/`anyOf` while each variant `allOf`s the parent back
 * (orval's discriminator-oneof-allof-inherited spec) is valid OpenAPI, but openapi-typescript types it
 * as `Animal = {...} & (Cat | Dog)` with `Cat = Omit<Animal, "species"> & ...`: TS2502, "'Animal' is
 * referenced directly or indirectly in its own type annotation". The variants are pointed at a copy
 * of the parent without its variant list (`AnimalBase`, discriminator kept, so each variant still
 * gets its tag); the parent stays the union. Returns `document` itself when no schema has the shape.
 */
export function splitInheritedDiscriminatorParents(document: OpenAPI3): OpenAPI3 {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const next: Record<string, unknown> = { ...schemas };
  let changed = false;
  for (const [parent, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const parentRef = PREFIX + encodeURIComponent(parent);
    const variants = [...list(schema["oneOf"]), ...list(schema["anyOf"])].map((member) => refName(member)).filter((name): name is string => name !== undefined);
    const inheriting = variants.filter((name) => list((next[name] as Node | undefined)?.["allOf"]).some((member) => isRefTo(member, parent, parentRef)));
    if (inheriting.length === 0) continue;
    let baseName = `${parent}Base`;
    for (let n = 2; baseName in next; n++) baseName = `${parent}Base${n}`;
    const { oneOf: _oneOf, anyOf: _anyOf, ...base } = schema;
    next[baseName] = base;
    for (const name of new Set(inheriting)) {
      const variant = next[name] as Node;
      next[name] = { ...variant, allOf: list(variant["allOf"]).map((member) => (isRefTo(member, parent, parentRef) ? { $ref: PREFIX + encodeURIComponent(baseName) } : member)) };
    }
    changed = true;
  }
  return changed ? { ...document, components: { ...document.components, schemas: next as NonNullable<NonNullable<OpenAPI3["components"]>["schemas"]> } } : document;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function refName(member: unknown): string | undefined {
  const ref = isObject(member) ? member["$ref"] : undefined;
  if (typeof ref !== "string" || !ref.startsWith(PREFIX) || ref.slice(PREFIX.length).includes("/")) return undefined;
  return decodeURIComponent(ref.slice(PREFIX.length)).replace(/~1/g, "/").replace(/~0/g, "~");
}

function isRefTo(member: unknown, name: string, ref: string): boolean {
  return isObject(member) && (member["$ref"] === ref || refName(member) === name);
}
