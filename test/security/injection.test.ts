import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nock from "nock";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, repoRoot, runCli } from "../support/sdk-build.mjs";

/**
 * fixtures/security/hostile-names.json puts `*​/`, backticks, `${`, quotes, newlines, `</script>`,
 * U+2028/2029, RTL overrides and reserved words into every name, description, example, default,
 * enum, server, tag and security scheme, each trying to run `globalThis.PWNED = n`.
 */
const work = mkdtempSync(path.join(tmpdir(), "sdkwright-injection-"));
const sdk = path.join(work, "sdk");
afterAll(() => rmSync(work, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("hostile spec text", { timeout: 60_000 }, () => {
  beforeAll(() => {
    const result = runCli(["generate", path.join(repoRoot, "fixtures/security/hostile-names.json"), "--out", sdk, "-q"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("never becomes code: PWNED is never an identifier in any generated file", () => {
    const found: string[] = [];
    for (const file of files(sdk)) {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && /pwned/i.test(node.text)) found.push(`${path.relative(sdk, file)}: ${node.getText()} in ${node.parent.getText().slice(0, 80)}`);
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, file).toEqual([]);
    }
    // The only identifier allowed is the placeholder-derived parameter name, which is a plain argument.
    expect(found.filter((f) => !/globalThisPwned5/.test(f))).toEqual([]);
  });

  it("type-checks under strict, compiles, and runs without executing any injected statement", async () => {
    const tsc = compile(work);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);
    const scope = nock("https://example.com").get(/.*/).reply(200, { "*/": "x" });
    const module = await import(pathToFileURL(path.join(work, "js/sdk/index.js")).href);
    const api = module.createClient();
    expect(module.DEFAULT_BASE_URL).toBe('https://example.com/api"; globalThis.PWNED = 4; //');
    const result = await api.pets.get("1", "2", { query: {}, headers: {} });
    expect(result).toEqual({ "*/": "x" });
    expect(scope.isDone()).toBe(true);
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
  });

  it("keeps every file inside the output folder, with safe names", () => {
    const names = files(sdk).map((file) => path.relative(sdk, file));
    for (const name of names) expect(name).toMatch(/^(runtime\/|operations\/|resources\/)?[a-z0-9-]+\.ts$/);
    expect(names).toContain("resources/reversed-x.ts");
  });
});
