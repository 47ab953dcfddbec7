import type { OpenAPI3 } from "openapi-typescript";
import { rewriteMatching } from "./rewrite.js";

/**
 * OpenAPI 3.1 lets a schema say `type: "null"` beside `oneOf`/`anyOf` (vercel.com:
 * `EdgeConfigItemValue: { type: "null", oneOf: [string, number, …, array of itself] }`), meaning
 * "null or one of these". openapi-typescript intersects the two, `null & (string | …)`: that is
 * `never`, and circular when a member refers back to the schema (TS2502). The `null` is moved
 * into the union as a `{ type: "null" }` member, which openapi-typescript types as `| null`.
 */
export function foldNullTypeIntoUnion(document: OpenAPI3): OpenAPI3 {
  return rewriteMatching(document, isNullBesideUnion, (schema) => {
    const key = Array.isArray(schema["oneOf"]) ? "oneOf" : "anyOf";
    delete schema["type"];
    schema[key] = [...(schema[key] as unknown[]), { type: "null" }];
  });
}

/** `type: "null"` (not a property named `type`: that would be an object) with exactly one of `oneOf`/`anyOf`. */
export function isNullBesideUnion(node: Record<string, unknown>): boolean {
  return node["type"] === "null" && Array.isArray(node["oneOf"]) !== Array.isArray(node["anyOf"]);
}
