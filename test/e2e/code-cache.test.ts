import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/sdk-build.mjs";

// The CLI's compiled-code cache (src/code-cache.ts) may only ever save time: a run with a cold,
// warm or corrupt cache writes the same files, and a corrupt cache is replaced.

const cli = path.join(repoRoot, "dist/cli.js");
const spec = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
const work = mkdtempSync(path.join(tmpdir(), "sdkwright-code-cache-"));
const cache = path.join(work, "cache");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(out: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cli, "generate", spec, "--out", out, "--quiet"], { encoding: "utf8", env: { ...process.env, ...env } });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return readTree(out);
}

function readTree(dir: string, base = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) Object.assign(files, readTree(file, base));
    else files[path.relative(base, file)] = readFileSync(file, "utf8");
  }
  return files;
}

function cacheFiles(): string[] {
  const list = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? list(path.join(dir, name)) : [path.join(dir, name)]));
  try {
    return list(cache);
  } catch {
    return [];
  }
}

describe("compiled-code cache", { timeout: 120_000 }, () => {
  it("is filled by a first run, and cold, warm and corrupt caches give the same output", () => {
    const cold = generate(path.join(work, "cold"), { SDKWRIGHT_CODE_CACHE: cache });
    expect(cacheFiles().length).toBeGreaterThan(0);

    const warm = generate(path.join(work, "warm"), { SDKWRIGHT_CODE_CACHE: cache });
    expect(warm).toEqual(cold);

    const garbage = "not a V8 code cache";
    for (const file of cacheFiles()) writeFileSync(file, garbage);
    const corrupt = generate(path.join(work, "corrupt"), { SDKWRIGHT_CODE_CACHE: cache });
    expect(corrupt).toEqual(cold);
    // Node 20: our cache of TypeScript is rejected by V8 and written again. (Node ≥ 22.1 keeps its own files.)
    if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== "function") {
      expect(cacheFiles().map((file) => readFileSync(file, "utf8") === garbage)).not.toContain(true);
    }
  });
});
