import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_FILES, runtimeFiles } from "../../src/output/runtime.js";

describe("runtime files", () => {
  it("copies every runtime module in templates/ (tests and tsconfig stay behind)", async () => {
    const templates = readdirSync(path.resolve(import.meta.dirname, "../../templates")).filter((f) => f.endsWith(".ts")).sort();
    expect([...RUNTIME_FILES]).toEqual(templates);
    const files = await runtimeFiles();
    expect(files.map((f) => f.path)).toEqual(templates.map((f) => `runtime/${f}`));
  });
});
