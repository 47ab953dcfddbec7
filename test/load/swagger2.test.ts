import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/index.js";
import { collectRefs, countOperations, fixture, sdkError } from "./helpers.js";

const readParsed = (file: string): unknown => parse(readFileSync(file, "utf8"));

// walks plain JSON in assertions (the OpenAPI3 type has refs at every level)
const operation = (document: unknown, pathKey: string, method: string): any => (document as any).paths[pathKey][method];

describe("loadSpec: Swagger 2.0 is converted to OpenAPI 3.0", () => {
  it("converts petstore-minimal with the same operations", async () => {
    const file = fixture("swagger2-petstore-minimal.json");
    const spec = await loadSpec(file);
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect((spec.document as unknown as Record<string, unknown>)["swagger"]).toBeUndefined();
    expect(countOperations(spec.document)).toBe(countOperations(readParsed(file)));
    expect(countOperations(spec.document)).toBe(1);
    // host + basePath + schemes become servers; definitions become components.schemas
    expect(spec.document.servers).toEqual([{ url: "http://petstore.swagger.io/api" }]);
    expect(spec.document.components?.schemas?.["Pet"]).toMatchObject({ type: "object", required: ["id", "name"] });
    expect(operation(spec.document, "/pets", "get").responses["200"].content["application/json"].schema).toEqual({ type: "array", items: { $ref: "#/components/schemas/Pet" } });
    expect(spec.warnings).toEqual([]);
  });

  it("bundles a multi-file Swagger 2.0 spec before converting it", async () => {
    const spec = await loadSpec(fixture("swagger2-multi-file", "swagger.yaml"));
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    const refs = collectRefs(spec.document);
    expect(refs).toEqual(["#/components/schemas/Pet"]);
    expect(spec.document.components?.schemas?.["Pet"]).toMatchObject({ type: "object", required: ["id", "name"] });
  });

  it("what cannot be converted losslessly becomes a warning, and leaves no x-s2o-warning behind", async () => {
    const file = fixture("swagger2-lossy-collection-format.yaml"); // also `swagger: 2.0` unquoted (a number)
    const spec = await loadSpec(file);
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(spec.warnings).toContainEqual({
      code: "swagger2-conversion",
      message: expect.stringMatching(/^Swagger 2\.0 conversion: collectionFormat:ssv is no longer supported/),
      location: { file, pointer: "/paths/~1pets/get/parameters/0" },
    });
    expect(JSON.stringify(spec.document)).not.toContain("x-s2o-warning");
  });

  it("automatic fixes are reported as one warning", async () => {
    const file = fixture("swagger2-autofix-path-param-not-required.yaml");
    const spec = await loadSpec(file);
    expect(operation(spec.document, "/pets/{petId}", "get").parameters).toEqual([
      { name: "petId", in: "path", required: true, schema: { type: "string" } },
    ]);
    expect(spec.warnings).toEqual([
      { code: "swagger2-conversion", message: expect.stringMatching(/^Swagger 2\.0 conversion applied 1 automatic fix\(es\)/), location: { file } },
    ]);
  });
});

describe("loadSpec: Swagger 2.0 errors", () => {
  it("a conversion failure names the file and how to fix it", async () => {
    const file = fixture("swagger2-invalid-info.json");
    const error = await sdkError(loadSpec(file));
    expect(error.message).toBe("cannot convert swagger2-invalid-info.json from Swagger 2.0 to OpenAPI 3.0: info must be an object");
    expect(error.location).toEqual({ file });
    expect(error.hint).toMatch(/swagger2openapi/);
  });

  it.each([
    { name: "a missing definition", file: "swagger2-broken-ref-missing-definition.yaml", message: /Can't resolve \$ref "#\/definitions\/Missing"$/ },
    { name: "a missing file", file: path.join("swagger2-multi-file", "broken-ref.yaml"), message: /Can't resolve \$ref "\.\/no-such-definitions\.yaml#\/Pet": .*no-such-definitions\.yaml/ },
  ])("a $ref to $name is reported in the Swagger file, with line and pointer", async ({ file, message }) => {
    const error = await sdkError(loadSpec(fixture(file)));
    expect(error.message).toMatch(message);
    expect(error.location).toMatchObject({ file: fixture(file), line: 14, pointer: "/paths/~1pets/get/responses/200/schema" });
    expect(error.hint).toMatch(/\$ref/);
  });

  it("an error in the converted document has a pointer, no misleading line number, and says it was converted", async () => {
    const file = fixture("swagger2-duplicate-operation-id.yaml");
    const error = await sdkError(loadSpec(file));
    expect(error.message).toMatch(/unique `operationId`/);
    expect(error.location.file).toBe(file);
    expect(error.location.pointer).toMatch(/^\/paths\/~1pets~1\{petId\}\/get/);
    expect(error.location.line).toBeUndefined();
    expect(error.details.join("\n")).toMatch(/converted from Swagger 2\.0/);
  });
});

/** The real-world Swagger 2.0 specs in the shared corpus (read in place; skipped when the corpus is absent). */
const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/specs");
const REAL_SWAGGER_2 = [
  "oai-petstore-expanded-v2.yaml",
  "oai-petstore-external-docs-v2.json",
  "oai-petstore-minimal-v2.json",
  "oai-uber-v2.json",
  "slack-web-api.json",
];

describe.skipIf(!existsSync(SHARED))("loadSpec: real Swagger 2.0 specs", { timeout: 30_000 }, () => {
  it.each(REAL_SWAGGER_2)("%s loads as OpenAPI 3.0 with every operation", async (name) => {
    const file = path.join(SHARED, name);
    const spec = await loadSpec(file);
    expect(spec.document.openapi).toMatch(/^3\.0\./);
    expect(countOperations(spec.document)).toBe(countOperations(readParsed(file)));
    for (const ref of collectRefs(spec.document)) expect(ref).toMatch(/^#\/components\//);
    expect(JSON.stringify(spec.document)).not.toContain("x-s2o-warning");
  });
});
