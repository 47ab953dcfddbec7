import { hoistDeepSchemaRefs } from "./hoist-refs.js";
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from "openapi-typescript";

/**
 * Model types via openapi-typescript's Node API. The document is already validated and
 * bundled by the load stage, so we hand it to `transformSchema` directly instead of letting
 * `openapiTS()` parse, lint and bundle it a second time.
 */
export function generateSchemaTypes(original: OpenAPI3): string {
  const document = hoistDeepSchemaRefs(original);
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, { silent: true }),
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
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
  return astToString(transformSchema(document, ctx));
}
