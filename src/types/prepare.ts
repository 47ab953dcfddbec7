import { scanDiscriminators, type OpenAPI3 } from "openapi-typescript";
import { hoistPathParameterRefs } from "./hoist-parameter-refs.js";
import { hoistDeepSchemaRefs } from "./hoist-refs.js";
import { foldNullTypeIntoUnion } from "./null-type-union.js";
import { dropScalarEnumOnObjects } from "./object-enum.js";
import { dropShadowedDiscriminators } from "./shadowed-discriminator.js";

/**
 * The document openapi-typescript is given, and its discriminators: the spec with the shapes it
 * mistypes rewritten (each step in its own module, each a no-op returning the same object when
 * the spec has no such shape).
 */
export function prepareDocument(original: OpenAPI3): { document: OpenAPI3; discriminators: ReturnType<typeof scanDiscriminators> } {
  // Parameter refs first: a hoisted parameter may hold deep schema refs that the next step hoists.
  let rewritten = [hoistPathParameterRefs, hoistDeepSchemaRefs, foldNullTypeIntoUnion, dropScalarEnumOnObjects].reduce((doc, step) => step(doc), original);
  // scanDiscriminators patches the schemas it maps (adds `allOf` members): never the caller's document.
  if (rewritten === original && hasDiscriminator(original)) rewritten = structuredClone(original);
  const discriminators = scanDiscriminators(rewritten, { silent: true });
  return { document: dropShadowedDiscriminators(rewritten, discriminators), discriminators };
}

function hasDiscriminator(node: unknown, seen = new Set<object>()): boolean {
  if (node === null || typeof node !== "object" || seen.has(node)) return false;
  seen.add(node);
  if ("discriminator" in node) return true;
  return Object.values(node).some((child) => hasDiscriminator(child, seen));
}
