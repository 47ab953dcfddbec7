import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { loadSpec } from "../../src/load/index.js";
import { fixture, sdkError } from "./helpers.js";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-lenient-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Harmless rule breaks that peers generate anyway: each loads with one warning naming the rule and the fix. */
const CASES: Array<[string, { file: string; codes: string[]; pointer: string; check: (document: any) => void }]> = [
  ["info.version written as a number", { file: "info-version-number.yaml", codes: ["info-version-not-string"], pointer: "/info/version", check: (d) => expect(d.info.version).toBe("1") }],
  ["an OpenAPI 3.0 document with only components", { file: "components-only.yaml", codes: ["paths-missing"], pointer: "", check: (d) => expect(d.paths).toEqual({}) }],
  ["a response without description", { file: "response-without-description.yaml", codes: ["response-description-missing"], pointer: "/paths/~1pets/get/responses/200", check: (d) => expect(d.paths["/pets"].get.responses["200"].description).toBe("") }],
  ["info without title and version", { file: "info-without-title-version.yaml", codes: ["info-title-missing", "info-version-missing"], pointer: "/info", check: (d) => expect(d.info).toMatchObject({ title: "API", version: "" }) }],
  ["no info at all", { file: "no-info.yaml", codes: ["info-missing"], pointer: "", check: (d) => expect(d.info).toEqual({ title: "API", version: "" }) }],
  ['openapi: "3.0"', { file: "openapi-short-version.yaml", codes: ["openapi-version-short"], pointer: "/openapi", check: (d) => expect(d.openapi).toBe("3.0.0") }],
];

// Generating runs the whole pipeline (1-2 s per spec when the machine is quiet).
describe("lenient loading", { timeout: 30_000 }, () => {
  it.each(CASES)("%s loads with a warning and its fix", async (_name, { file, codes, pointer, check }) => {
    const spec = await loadSpec(fixture("lenient", file));
    expect(spec.warnings.map((w) => w.code)).toEqual(codes);
    for (const warning of spec.warnings) {
      expect(warning.location).toEqual({ file: fixture("lenient", file), pointer });
      expect(warning.fix).toMatch(/\w/);
    }
    check(spec.document);
  });

  it.each(CASES)("%s generates an SDK", async (_name, { file, codes }) => {
    const result = await generate({ input: fixture("lenient", file), out: path.join(work, file) });
    expect(result.diagnostics.map((w) => w.code)).toEqual(expect.arrayContaining(codes));
    expect(result.files.map((f) => f.path)).toContain("client.ts");
  });

  it("a circular $ref is still an error naming the chain", async () => {
    const error = await sdkError(loadSpec(fixture("broken-ref-circular.yaml")));
    expect(error.message).toContain("#/components/schemas/A → #/components/schemas/B → #/components/schemas/A");
    expect(error.location).toEqual({ file: fixture("broken-ref-circular.yaml"), pointer: "/components/schemas/A" });
    expect(error.hint).toMatch(/leads back to itself/);
  });

  it("an unknown OpenAPI version is still refused", async () => {
    const error = await sdkError(loadSpec(fixture("unsupported-version-openapi-4.yaml")));
    expect(error.message).toMatch(/unsupported OpenAPI version/);
  });
});
