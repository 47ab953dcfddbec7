import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, SdkwrightError } from "../src/index.js";

const petstore = path.resolve(import.meta.dirname, "../fixtures/petstore/openapi.yaml");

describe("generate (programmatic API)", () => {
  it("returns the files in memory with stats, and writes them when given out", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "sdkwright-api-")), "sdk");
    const result = await generate({ input: petstore, out });
    expect(result.stats).toMatchObject({ resources: 3, methods: 12, files: result.files.length });
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
});
