import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/index.js";
import { collectRefs, countOperations, fixture, FIXTURES, sdkError } from "./helpers.js";

describe("loadSpec: valid OpenAPI 3 input", () => {
  it.each(["petstore.yaml", "petstore.json"])("loads %s", async (file) => {
    const spec = await loadSpec(fixture(file));
    expect(spec.source).toBe(fixture(file));
    expect(spec.document.openapi).toBe("3.0.3");
    expect(Object.keys(spec.document.paths ?? {})).toEqual(["/pets", "/pets/{petId}"]);
    expect(countOperations(spec.document)).toBe(3);
    expect(spec.document.components?.schemas?.["Pet"]).toMatchObject({ type: "object", required: ["id", "name"] });
    expect(spec.warnings).toEqual([]);
  });

  it("JSON and YAML of the same spec load to the same document", async () => {
    const [yaml, json] = await Promise.all([loadSpec(fixture("petstore.yaml")), loadSpec(fixture("petstore.json"))]);
    expect(json.document).toEqual(yaml.document);
  });

  it("resolves a relative path against options.cwd", async () => {
    const spec = await loadSpec("petstore.yaml", { cwd: FIXTURES });
    expect(spec.source).toBe(fixture("petstore.yaml"));
  });

  it("bundles a multi-file spec into one document without external $refs", async () => {
    const spec = await loadSpec(fixture("multi-file", "openapi.yaml"));
    const refs = collectRefs(spec.document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^#\//);
    expect(refs).toEqual(expect.arrayContaining(["#/components/schemas/Pet", "#/components/parameters/limit", "#/components/parameters/petId"]));
    const components = spec.document.components!;
    expect(components.parameters?.["limit"]).toMatchObject({ name: "limit", in: "query" });
    expect(components.parameters?.["petId"]).toMatchObject({ name: "petId", in: "path", required: true });
    expect(components.schemas?.["Pet"]).toMatchObject({ type: "object", properties: { category: { $ref: "#/components/schemas/Category" } } });
    // a ref inside the external file (`#/Category` in schemas/pet.yaml) is carried over too
    expect(components.schemas?.["Category"]).toMatchObject({ type: "object" });
    expect(spec.warnings).toEqual([]);
  });

  it("reports nullable without type inside a schema as a warning, not an error", async () => {
    const spec = await loadSpec(fixture("warning-nullable-without-type.yaml"));
    expect(spec.document.components?.schemas?.["Pet"]).toBeDefined();
    expect(spec.warnings).toEqual([
      {
        code: "nullable-without-type",
        fix: expect.stringContaining("add `type`"),
        message: expect.stringContaining("`nullable`"),
        location: {
          file: fixture("warning-nullable-without-type.yaml"),
          // No line for warnings: mapping a pointer to a line parses the whole file again (seconds on big specs).
          pointer: "/components/schemas/Pet/properties/nickname/nullable",
        },
      },
    ]);
  });
});

describe("loadSpec: input that cannot be read", () => {
  it("a missing file is 'not found'", async () => {
    const error = await sdkError(loadSpec(fixture("no-such-spec.yaml")));
    expect(error.message).toMatch(/not found/);
    expect(error.location.file).toBe(fixture("no-such-spec.yaml"));
    expect(error.format()).toContain("fix: ");
  });

  it("a directory is refused", async () => {
    const error = await sdkError(loadSpec(fixture("multi-file")));
    expect(error.message).toMatch(/is a directory/);
    expect(error.location.file).toBe(fixture("multi-file"));
  });

  it("invalid YAML reports the file, line and column", async () => {
    const file = fixture("invalid-yaml-bad-indentation.yaml");
    const error = await sdkError(loadSpec(file));
    expect(error.message).toMatch(/^cannot parse invalid-yaml-bad-indentation\.yaml: bad indentation/);
    // line 11 is `     bad: indentation`, whose key starts in column 6
    expect(error.location).toEqual({ file, line: 11, column: 6 });
    expect(error.format()).toContain(`at ${file}:11:6`);
  });
});

describe("loadSpec: documents that are not OpenAPI 3.0/3.1", () => {
  it.each([
    { file: "not-openapi-top-level-array.json", message: /not an OpenAPI document: its top level is not an object/, pointer: undefined },
    { file: "not-openapi-no-openapi-key.yaml", message: /not an OpenAPI document: no top-level `openapi` field/, pointer: "" },
    { file: "unsupported-version-openapi-4.yaml", message: /unsupported OpenAPI version: 4\.0\.0/, pointer: "/openapi" },
    { file: "unsupported-swagger-1.2.json", message: /Swagger 1\.2 documents are not supported/, pointer: "/swagger" },
  ])("$file", async ({ file, message, pointer }) => {
    const error = await sdkError(loadSpec(fixture(file)));
    expect(error.message).toMatch(message);
    expect(error.location.file).toBe(fixture(file));
    expect(error.location.pointer).toBe(pointer);
    expect(error.hint).toBeTruthy();
  });
});

describe("loadSpec: invalid OpenAPI", () => {
  it.each([
    {
      name: "a $ref to a missing component",
      file: "broken-ref-missing-component.yaml",
      message: /^the spec is not valid OpenAPI: Can't resolve \$ref "#\/components\/schemas\/Missing"$/,
      line: 15,
      pointer: "/paths/~1pets/get/responses/200/content/application~1json/schema",
    },
    {
      name: "a $ref to a missing file",
      file: "broken-ref-missing-file.yaml",
      message: /^the spec is not valid OpenAPI: Can't resolve \$ref "\.\/no-such-file\.yaml#\/Pet": .*no-such-file\.yaml/,
      line: 15,
      pointer: "/paths/~1pets/get/responses/200/content/application~1json/schema",
    },
    {
      name: "an operation whose responses is a string",
      file: "structural-responses-not-object.yaml",
      message: /^the spec is not valid OpenAPI: Expected type `Responses` \(object\) but got `string`/,
      line: 9,
      pointer: "/paths/~1pets/get/responses",
    },
  ])("$name: error names the file, line and JSON pointer", async ({ file, message, line, pointer }) => {
    const error = await sdkError(loadSpec(fixture(file)));
    expect(error.message).toMatch(message);
    expect(error.location).toMatchObject({ file: fixture(file), line, pointer });
    expect(error.location.column).toEqual(expect.any(Number));
    expect(error.format()).toContain(`at ${fixture(file)}:${line}:${error.location.column} #${pointer}`);
  });

  it("a broken $ref gets the $ref fix hint", async () => {
    const error = await sdkError(loadSpec(fixture("broken-ref-missing-file.yaml")));
    expect(error.hint).toMatch(/\$ref/);
  });
});
