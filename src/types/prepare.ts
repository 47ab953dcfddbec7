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
  const rewritten = [hoistPathParameterRefs, hoistDeepSchemaRefs, foldNullTypeIntoUnion, dropScalarEnumOnObjects].reduce((doc, step) => step(doc), original);
  // scanDiscriminators patches the schemas it maps in place (a discriminator enum, `required`): the
  // caller hashes the document before this stage and does not use it after (a copy of GitHub's costs 0.1 s).
  const discriminators = scanDiscriminators(rewritten, { silent: true });
  return { document: dropShadowedDiscriminators(rewritten, discriminators), discriminators };
}
