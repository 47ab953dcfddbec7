import type { OpenAPI3 } from "openapi-typescript";
import { decodeSegment } from "../json-pointer.js";

/** `#/paths/<path>/parameters/<n>` or `#/paths/<path>/<method>/parameters/<n>`: a parameter declared inline in an operation. */
const PATH_PARAMETER_REF = /^#\/paths\/[^/]+\/(?:[^/]+\/)?parameters\/\d+$/;

/** A `$ref` that `hoistPathParameterRefs` rewrites. */
export const isPathParameterRef = (ref: string): boolean => PATH_PARAMETER_REF.test(ref);

/**
 * A `$ref` to a parameter declared inline in another operation (bundlers write these for a parameter
 * used twice: digitalocean.com, enode.io, opensuse.org/obs) becomes, in openapi-typescript's output,
 * `paths["/x"]["get"]["parameters"]["query"]["name"]`; `query` is optional when no query parameter
 * is required, so the type is `{…} | undefined` and indexing it fails (TS2339). A ref used as a
 * schema gets `…["parameters"]["0"]`, which does not exist at all. Such targets are copied into
 * `components.parameters` and the refs rewritten, so they become `components["parameters"]["…"]`.
 * Returns the same object when there is nothing to hoist, else a rewritten copy.
 */
export function hoistPathParameterRefs(document: OpenAPI3): OpenAPI3 {
  if (!hasParameterRef(document)) return document;
  const copy = structuredClone(document);
  const components = (copy.components ??= {}) as Record<string, unknown>;
  const parameters = (components["parameters"] ??= {}) as Record<string, unknown>;
  const hoisted = new Map<string, string>();
  const hoist = (ref: string): string => {
    let name = hoisted.get(ref);
    if (name === undefined) {
      const base = ref.slice(2).split("/").map(decodeSegment).join("_").replace(/[^\w$-]+/g, "_");
      name = base;
      for (let n = 2; name in parameters; n++) name = `${base}${n}`;
      hoisted.set(ref, name);
      parameters[name] = target(document, ref) ?? {};
    }
    return `#/components/parameters/${encodeURIComponent(name)}`;
  };
  const visit = (node: unknown, seen: Set<object>): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && PATH_PARAMETER_REF.test(ref)) (node as { $ref: string }).$ref = hoist(ref);
    for (const child of Object.values(node)) visit(child, seen);
  };
  // Again for the copies added meanwhile: a hoisted parameter may itself be such a ref.
  for (let pass = 0; pass < 8 && hasParameterRef(copy); pass++) visit(copy, new Set());
  return copy;
}

function hasParameterRef(node: unknown, seen = new Set<object>()): boolean {
  if (node === null || typeof node !== "object" || seen.has(node)) return false;
  seen.add(node);
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string" && PATH_PARAMETER_REF.test(ref)) return true;
  return Object.values(node).some((child) => hasParameterRef(child, seen));
}

function target(document: OpenAPI3, ref: string): unknown {
  let node: unknown = document;
  for (const segment of ref.slice(2).split("/")) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[decodeSegment(segment)] : undefined;
  }
  return structuredClone(node);
}
