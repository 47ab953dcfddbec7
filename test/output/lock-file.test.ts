import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate, SdkwrightError } from "../../src/index.js";

function specFile(dir: string, name: string, paths: Record<string, unknown>, extra: object = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths, ...extra }));
  return file;
}

const ok = { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "string" } } } } } };

describe("sdkwright.lock.json", { timeout: 60_000 }, () => {
  it("keeps the output's method names on regeneration, says so, and --rename takes the new ones", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-lock-"));
    const out = path.join(dir, "sdk");
    await generate({ input: specFile(dir, "v1.json", { "/pets/{id}": { trace: { ...ok, operationId: "tracePet" } } }), out });
    const v2 = specFile(dir, "v2.json", { "/pets/{id}": { trace: { ...ok, operationId: "followPet" } } });

    const kept = await generate({ input: v2, out });
    expect(JSON.parse(readFileSync(path.join(out, "sdkwright.lock.json"), "utf8")).methods).toEqual({ "TRACE /pets/{id}": "pets.tracePet" });
    expect(readFileSync(path.join(out, "resources/pets.ts"), "utf8")).toContain("tracePet(id:");
    expect(kept.warnings.some((w) => w.startsWith("TRACE /pets/{id}: kept pets.tracePet() from the lock file"))).toBe(true);

    // In memory (no output folder), and with --rename, names are chosen afresh.
    expect((await generate({ input: v2 })).files.find((f) => f.path === "resources/pets.ts")!.content).toContain("follow(id:");
    expect((await generate({ input: v2, out, check: true, rename: true })).check?.changed).toContain("resources/pets.ts");
    await generate({ input: v2, out, rename: true });
    expect(readFileSync(path.join(out, "resources/pets.ts"), "utf8")).toContain("follow(id:");
  });

  it("makes --check see a spec change that alters no generated code", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-lock-"));
    const out = path.join(dir, "sdk");
    await generate({ input: specFile(dir, "a.json", { "/pets": { get: ok } }), out });
    const edited = specFile(dir, "b.json", { "/pets": { get: ok } }, { "x-internal-note": "changed" });
    const result = await generate({ input: edited, out, check: true });
    expect(result.check).toMatchObject({ upToDate: false, changed: ["sdkwright.lock.json"], missing: [], stale: [] });
  });

  it("refuses a lock file it cannot read, rather than renaming methods", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-lock-"));
    const out = path.join(dir, "sdk");
    const input = specFile(dir, "a.json", { "/pets": { get: ok } });
    await generate({ input, out });
    writeFileSync(path.join(out, "sdkwright.lock.json"), "{ not json");
    const error = await generate({ input, out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkwrightError);
    expect((error as SdkwrightError).format()).toMatch(/cannot read the lock file[\s\S]*sdkwright\.lock\.json[\s\S]*--rename/);
  });
});
