import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { hoistDeepSchemaRefs } from "../../src/types/hoist-refs.js";
import { typeErrors } from "./typecheck.js";

const doc = (schemas: object, parameters: object = {}) =>
  ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas, parameters } }) as unknown as OpenAPI3;

describe("refs into the inside of a schema (seen in codat.io, nexmo.com in the APIs.guru directory)", { timeout: 30_000 }, () => {
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

describe("refs through more than one property (twinehealth.com, azure.com network-applicationGateway)", { timeout: 30_000 }, () => {
  const resource = {
    type: "object",
    properties: {
      relationships: { type: "object", properties: { owner: { type: "object", properties: { id: { type: "string" } } } } },
      // A property literally named `properties`: openapi-typescript drops every `properties` segment of a ref.
      ipConfiguration: { type: "object", properties: { properties: { type: "object", properties: { provisioningState: { type: "string", enum: ["Succeeded", "Failed"] } } } } },
    },
  };
  const input = doc({
    Resource: resource,
    Patch: {
      type: "object",
      properties: {
        owner: { $ref: "#/components/schemas/Resource/properties/relationships/properties/owner" },
        state: { $ref: "#/components/schemas/Resource/properties/ipConfiguration/properties/properties/properties/provisioningState" },
        relationships: { $ref: "#/components/schemas/Resource/properties/relationships" },
      },
    },
  });

  it("are hoisted (one property deep is left to openapi-typescript), and type-check", () => {
    const output = generateSchemaTypes(input);
    expect(output).toMatch(/owner\?: components\["schemas"\]\["Resource_properties_relationships_properties_owner"\];/);
    expect(output).toMatch(/state\?: components\["schemas"\]\["Resource_properties_ipConfiguration_properties_properties_properties_provisioningState"\];/);
    expect(output).toMatch(/relationships\?: components\["schemas"\]\["Resource"\]\["relationships"\];/);
    expect(typeErrors(output)).toEqual([]);
  });
});

describe("refs into examples (shutterstock.com, microsoft.com cognitiveservices-*)", { timeout: 30_000 }, () => {
  it("are data, not types: left alone, so an array example does not become a schema", () => {
    const input = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/search": {
          post: {
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Queries" }, examples: { default: { value: { $ref: "#/components/schemas/Queries/example" } } } } } },
            responses: { "200": { description: "ok" } },
          },
        },
      },
      components: { schemas: { Queries: { type: "array", items: { type: "string" }, example: [{ query: "cat" }] } } },
    } as unknown as OpenAPI3;
    expect(hoistDeepSchemaRefs(input)).toBe(input);
    const output = generateSchemaTypes(input);
    expect(output).toMatch(/Queries: string\[\];/);
    expect(typeErrors(output)).toEqual([]);
  });

  it("still hoists a ref through a property that is named example", () => {
    const input = doc({ A: { type: "object", properties: { example: { type: "object", properties: { b: { type: "string" } } } } }, C: { $ref: "#/components/schemas/A/properties/example/properties/b" } });
    expect(hoistDeepSchemaRefs(input)).not.toBe(input);
  });
});

