import type * as TS from "typescript";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import { openapiTypescript, ts } from "./libraries.js";
import { OPTIONAL_MARK } from "./direction.js";
import { prepareDocument } from "./prepare.js";
import { recursiveSchemasAsAliases } from "./recursive-aliases.js";
import { nullSafeWithRequired } from "./with-required.js";

const { astToString, resolveRef, transformSchema } = openapiTypescript;

/**
 * Model types via openapi-typescript's Node API. The document is already validated and
 * bundled by the load stage, so we hand it to `transformSchema` directly instead of letting
 * `openapiTS()` parse, lint and bundle it a second time.
 */
// openapi-typescript's discriminator scan edits the schemas it maps: `document` is not the same afterwards.
export function generateSchemaTypes(original: OpenAPI3): string {
  const { document, discriminators } = prepareDocument(original);
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators,
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only read by openapiTS() itself (for linting), never by the transformers.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    transform: binaryAsBlob,
    transformProperty: optionalWhenMarked,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
  return astToString(recursiveSchemasAsAliases(nullSafeWithRequired(transformSchema(document, ctx))));
}

/**
 * `type: string, format: binary` is a file: typed as `Blob` (what the runtime sends in a multipart
 * body and returns for a binary response) instead of `string`.
 */
function binaryAsBlob(schema: { format?: unknown; nullable?: unknown; type?: unknown }): TS.TypeNode | undefined {
  if (schema.format !== "binary") return undefined;
  const blob = ts.factory.createTypeReferenceNode("Blob");
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
  return nullable ? ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : blob;
}

/** A defaulted property of a request-side copy (./direction.ts) is optional: the server fills it in. */
function optionalWhenMarked(property: TS.PropertySignature, schema: unknown): TS.PropertySignature | undefined {
  if (schema === null || typeof schema !== "object" || (schema as Record<string, unknown>)[OPTIONAL_MARK] !== true || property.questionToken) return undefined;
  return ts.factory.updatePropertySignature(property, property.modifiers, property.name, ts.factory.createToken(ts.SyntaxKind.QuestionToken), property.type);
}
