import type { OpenAPI3 } from "openapi-typescript";
import { hoistPathParameterRefs, isPathParameterRef } from "./hoist-parameter-refs.js";
import { hoistDeepSchemaRefs, isDeep } from "./hoist-refs.js";
import { foldNullTypeIntoUnion, isNullBesideUnion } from "./null-type-union.js";
import { splitByDirection } from "./direction.js";
import { descriptionsAsMarkdown, hasHtmlDescription } from "./html-docs.js";
import { splitInheritedDiscriminatorParents } from "./inherited-discriminator.js";
import { dropScalarEnumOnObjects, hasScalarEnumOnObject } from "./object-enum.js";
import { hasComponentAliases, resolveComponentAliases } from "./component-aliases.js";
import { openapiTypescript } from "./libraries.js";
import { dropShadowedDiscriminators } from "./shadowed-discriminator.js";

/**
 * The document openapi-typescript is given, and its discriminators: the spec with the shapes it
 * mistypes rewritten (each step in its own module, each returning a rewritten copy).
 */
export function prepareDocument(original: OpenAPI3): { document: OpenAPI3; discriminators: ReturnType<typeof openapiTypescript.scanDiscriminators> } {
  const found = scanShapes(original);
  // Parameter refs first: a hoisted parameter may hold deep schema refs that the next step hoists.
  let rewritten = hasComponentAliases(original) ? resolveComponentAliases(original) : original;
  if (found.parameterRef) rewritten = hoistPathParameterRefs(rewritten);
  if (found.parameterRef || found.deepRef) rewritten = hoistDeepSchemaRefs(rewritten);
  if (found.nullBesideUnion) rewritten = foldNullTypeIntoUnion(rewritten);
  if (found.scalarEnumOnObject) rewritten = dropScalarEnumOnObjects(rewritten);
  if (found.discriminator) rewritten = splitInheritedDiscriminatorParents(rewritten);
  if (found.direction) rewritten = splitByDirection(rewritten);
  if (found.htmlDescription) rewritten = descriptionsAsMarkdown(rewritten);
  // scanDiscriminators patches the schemas it maps in place (a discriminator enum, `required`): the
  // caller hashes the document before this stage and does not use it after (a copy of GitHub's costs 0.1 s).
  // It walks the whole document twice (0.1 s on GitHub's); without a discriminator it finds nothing.
  const discriminators = found.discriminator ? openapiTypescript.scanDiscriminators(rewritten, { silent: true }) : { objects: {}, refsHandled: [] };
  return { document: dropShadowedDiscriminators(rewritten, discriminators), discriminators };
}

interface Shapes {
  parameterRef: boolean;
  deepRef: boolean;
  nullBesideUnion: boolean;
  scalarEnumOnObject: boolean;
  /** A `discriminator` with a `propertyName`: what openapi-typescript's `scanDiscriminators` looks for. */
  discriminator: boolean;
  /** A `readOnly`, `writeOnly` or `default`: the types may differ by direction (./direction.ts). */
  direction: boolean;
  /** A description in HTML (./html-docs.ts). */
  htmlDescription: boolean;
}

/**
 * Which rewrites (and scans) the document needs, in one walk: most specs need none, and four walks of
 * GitHub's cost 0.17 s where one costs a sixth of that.
 */
export function scanShapes(document: OpenAPI3): Shapes {
  const found: Shapes = { parameterRef: false, deepRef: false, nullBesideUnion: false, scalarEnumOnObject: false, discriminator: false, direction: false, htmlDescription: false };
  const seen = new Set<object>();
  const stack: object[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node)) {
      const record = node as Record<string, unknown>;
      const ref = record["$ref"];
      if (typeof ref === "string" && ref.startsWith("#/")) {
        if (isPathParameterRef(ref)) found.parameterRef = true;
        else if (isDeep(ref)) found.deepRef = true;
      }
      const discriminator = record["discriminator"];
      if (discriminator !== null && typeof discriminator === "object" && (discriminator as { propertyName?: unknown }).propertyName) found.discriminator = true;
      if (hasHtmlDescription(record)) found.htmlDescription = true;
      if (record["readOnly"] === true || record["writeOnly"] === true || record["default"] !== undefined) found.direction = true;
      if (record["type"] !== undefined) {
        if (isNullBesideUnion(record)) found.nullBesideUnion = true;
        if (hasScalarEnumOnObject(record)) found.scalarEnumOnObject = true;
      }
    }
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      if (value !== null && typeof value === "object") stack.push(value);
    }
  }
  return found;
}
