import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";

describe("schema types (openapi-typescript)", () => {
  it("emits paths, operations and components for the document it is given", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets/{id}": {
          get: {
            operationId: "getPet",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
            responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
          },
        },
      },
      components: { schemas: { Pet: { type: "object", required: ["name"], properties: { name: { type: "string" }, tag: { type: ["string", "null"] } } } } },
    } as unknown as OpenAPI3;
    const output = generateSchemaTypes(document);
    expect(output).toContain("export interface paths {");
    expect(output).toContain('"/pets/{id}": {');
    expect(output).toContain('get: operations["getPet"];');
    expect(output).toMatch(/Pet: \{\s+name: string;\s+tag\?: string \| null;\s+\};/);
    expect(output).toMatch(/path: \{\s+id: number;\s+\};/);
  });
});

describe("binary strings", () => {
  it("are typed as Blob (nullable ones as Blob | null)", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Upload: { type: "object", properties: { file: { type: "string", format: "binary" }, thumb: { type: "string", format: "binary", nullable: true } } } } },
    } as unknown as OpenAPI3;
    const output = generateSchemaTypes(document);
    expect(output).toMatch(/file\?: Blob;/);
    expect(output).toMatch(/thumb\?: Blob \| null;/);
  });
});
