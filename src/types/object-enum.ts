import type { OpenAPI3 } from "openapi-typescript";
import { rewriteMatching } from "./rewrite.js";

/**
 * openapi-typescript reads `enum` on a `type: "object"` schema as a list of member schemas (a
 * `oneOf`) and throws "Expected SchemaObject, received string" on a plain value (mercedes-benz.com
 * `ProductGroup: { type: object, properties: { name }, enum: ["PKW", "VAN", "SMART"] }`). A string,
 * number or boolean can never be an object, so such values are dropped, and the `enum` with them
 * when nothing is left: the schema is typed by its `properties`. `null` is left (it goes with
 * `nullable: true`, and openapi-typescript copes with it).
 */
export function dropScalarEnumOnObjects(document: OpenAPI3): OpenAPI3 {
  return rewriteMatching(document, hasScalarEnumOnObject, (schema) => {
    const kept = (schema["enum"] as unknown[]).filter((value) => !isScalar(value));
    if (kept.length > 0) schema["enum"] = kept;
    else delete schema["enum"];
  });
}

export function hasScalarEnumOnObject(node: Record<string, unknown>): boolean {
  return node["type"] === "object" && Array.isArray(node["enum"]) && node["enum"].some(isScalar);
}

const isScalar = (value: unknown): boolean => typeof value === "string" || typeof value === "number" || typeof value === "boolean";
