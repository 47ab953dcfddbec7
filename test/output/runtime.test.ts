import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RUNTIME_FILES, runtimeFiles } from "../../src/output/runtime.js";

const TEMPLATES = path.resolve(import.meta.dirname, "../../templates");

/** Relative modules a template imports (type-only imports left out: they vanish from the bundle). */
function valueImports(file: string): string[] {
  const source = readFileSync(path.join(TEMPLATES, file), "utf8");
  return [...source.matchAll(/^import (?!type )[^;]*? from "\.\/([\w-]+)\.js";/gm)].map((m) => `${m[1]}.ts`);
}

describe("runtime files", () => {
  it("copies every runtime module in templates/ (tests and tsconfig stay behind)", async () => {
    const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith(".ts")).sort();
    expect([...RUNTIME_FILES]).toEqual(templates);
    const files = await runtimeFiles();
    expect(files.map((f) => f.path)).toEqual(templates.map((f) => `runtime/${f}`));
  });

  it("keeps the event-stream parser out of the plain request path, so only streaming SDKs bundle it", () => {
    const reachable = new Set<string>();
    const visit = (file: string) => {
      if (reachable.has(file)) return;
      reachable.add(file);
      for (const next of valueImports(file)) visit(next);
    };
    visit("http-client.ts");
    expect(reachable.has("api-promise.ts")).toBe(true);
    expect(reachable.has("sse.ts")).toBe(false);
  });
});
