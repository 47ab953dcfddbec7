import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { foldNullTypeIntoUnion } from "../../src/types/null-type-union.js";
import { typeErrors } from "./typecheck.js";

const doc = (schemas: object) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } }) as unknown as OpenAPI3;

describe("OpenAPI 3.1 `type: null` beside oneOf/anyOf (vercel.com)", { timeout: 30_000 }, () => {
  it("means null or one of the members, not null & (…)", () => {
    const output = generateSchemaTypes(doc({ Assigned: { type: "null", oneOf: [{ type: "number" }, { type: "boolean" }] }, Namespace: { type: "null", anyOf: [{ type: "string" }, { type: "number" }] } }));
    expect(output).toMatch(/Assigned: number \| boolean \| null;/);
    expect(output).toMatch(/Namespace: string \| number \| null;/);
    expect(typeErrors(`${output}\nexport const a: components["schemas"]["Assigned"][] = [1, true, null];\n`)).toEqual([]);
  });

  it("rewrites a copy, and returns documents without the shape as they are", () => {
    const input = doc({ A: { type: "null", oneOf: [{ type: "string" }] } });
    const before = JSON.stringify(input);
    expect(JSON.stringify(foldNullTypeIntoUnion(input).components!.schemas!["A"])).toBe('{"oneOf":[{"type":"string"},{"type":"null"}]}');
    expect(JSON.stringify(input)).toBe(before);
    const plain = doc({ A: { type: ["string", "null"] }, B: { oneOf: [{ type: "string" }, { type: "null" }] } });
    expect(foldNullTypeIntoUnion(plain)).toBe(plain);
  });
});
