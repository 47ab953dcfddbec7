import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { hoistDeepSchemaRefs } from "../../src/types/hoist-refs.js";

const doc = (schemas: object, parameters: object = {}) =>
  ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas, parameters } }) as unknown as OpenAPI3;

describe("refs into the inside of a schema (seen in codat.io, nexmo.com in the APIs.guru directory)", () => {
  it("are hoisted into components.schemas and typed; the input is not mutated", () => {
    const input = doc(
      {
        Account: { type: "object", definitions: { ref: { type: "object", properties: { id: { type: "string" } } } } },
        Journal: { type: "object", properties: { account: { $ref: "#/components/schemas/Account/definitions/ref" }, company: { $ref: "#/components/parameters/companyId/schema" } } },
      },
      { companyId: { name: "companyId", in: "path", required: true, schema: { type: "string", format: "uuid" } } },
    );
    const before = JSON.stringify(input);
    const output = hoistDeepSchemaRefs(input);
    expect(JSON.stringify(input)).toBe(before);
    const journal = (output.components!.schemas as Record<string, { properties: Record<string, { $ref: string }> }>)["Journal"]!;
    expect(journal.properties["account"]!.$ref).toBe("#/components/schemas/Account_definitions_ref");
    expect(journal.properties["company"]!.$ref).toBe("#/components/schemas/parameters_companyId_schema");
    const types = generateSchemaTypes(input);
    expect(types).toMatch(/account\?: components\["schemas"\]\["Account_definitions_ref"\];/);
    expect(types).not.toMatch(/\["definitions"\]/);
  });

  it("leaves documents without such refs alone (same object), and plain properties chains too", () => {
    const input = doc({ A: { type: "object", properties: { b: { type: "string" } } }, C: { $ref: "#/components/schemas/A/properties/b" } });
    expect(hoistDeepSchemaRefs(input)).toBe(input);
  });
});
