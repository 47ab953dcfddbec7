import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, SdkwrightError } from "../src/index.js";

const petstore = path.resolve(import.meta.dirname, "../fixtures/petstore/openapi.yaml");

describe("generate (programmatic API)", { timeout: 30_000 }, () => {
  it("returns the files in memory with stats, and writes them when given out", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "sdkwright-api-")), "sdk");
    const result = await generate({ input: petstore, out });
    expect(result.stats).toMatchObject({ resources: 4, methods: 13, files: result.files.length });
    expect(result.files.map((f) => f.path)).toContain("resources/pets-visits.ts");
    for (const file of result.files) expect(readFileSync(path.join(out, file.path), "utf8")).toBe(file.content);
  });

  it("resolves a relative input and out against cwd, and rejects with an SdkwrightError", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "sdkwright-cwd-"));
    copyFileSync(petstore, path.join(cwd, "openapi.yaml"));
    const result = await generate({ input: "openapi.yaml", out: "api", cwd });
    expect(result.model.title).toBe("Petstore");
    expect(readFileSync(path.join(cwd, "api/client.ts"), "utf8")).toBe(result.files.find((f) => f.path === "client.ts")!.content);
    await expect(generate({ input: "missing.yaml", cwd: tmpdir() })).rejects.toBeInstanceOf(SdkwrightError);
  });

  it("reports what validation finds before anything else, and writes nothing", async () => {
    // Validation runs alongside generation; its error wins, as when it ran first (the model stage would trip over `responses` too).
    const cwd = mkdtempSync(path.join(tmpdir(), "sdkwright-invalid-"));
    const spec = { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/a": { get: { responses: "none" } } } };
    writeFileSync(path.join(cwd, "openapi.json"), JSON.stringify(spec));
    const error = await generate({ input: "openapi.json", out: "generated/api", cwd }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkwrightError);
    expect((error as SdkwrightError).message).toMatch(/^the spec is not valid OpenAPI: Expected type `Responses`/);
    expect(readdirSync(cwd)).toEqual(["openapi.json"]);
  });

  it("returns the spec's warnings, found while the files were generated", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "sdkwright-warn-"));
    const schema = { nullable: true };
    const spec = { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } } };
    writeFileSync(path.join(cwd, "openapi.json"), JSON.stringify(spec));
    const result = await generate({ input: "openapi.json", out: "api", cwd });
    expect(result.warnings[0]).toMatch(/^The `type` field must be defined when the `nullable` field is used\. \(.*openapi\.json #\/paths/);
    expect(existsSync(path.join(cwd, "api/schema.ts"))).toBe(true);
  });
});
