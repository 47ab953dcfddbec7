import { mkdtempSync, readFileSync } from "node:fs";
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

  it("resolves a relative input against cwd and rejects with an SdkwrightError", async () => {
    const result = await generate({ input: "openapi.yaml", cwd: path.dirname(petstore) });
    expect(result.model.title).toBe("Petstore");
    await expect(generate({ input: "missing.yaml", cwd: tmpdir() })).rejects.toBeInstanceOf(SdkwrightError);
  });
});
