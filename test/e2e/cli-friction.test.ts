import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/sdk-build.mjs";

/* Daily use: each everyday failure is one line with a fix, and the small edges (flags, help, plurals, warnings) are smooth. */

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-friction-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cliPath = path.join(repoRoot, "dist/cli.js");
const petstore = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
const expanded = path.join(repoRoot, "fixtures/petstore-expanded/openapi.yaml");
const folder = (name: string) => mkdtempSync(path.join(work, `${name}-`));

/** The CLI as a child that does not block this process (a loopback server here must keep answering). */
function startCli(args: string[], options: { cwd?: string } = {}) {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd: options.cwd ?? repoRoot });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe("command line", { timeout: 60_000 }, () => {
  it("suggests the flag meant: --outt → --out", () => {
    const result = runCli(["generate", petstore, "--outt", "x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: Unknown argument: outt\n  fix: --outt: did you mean --out?\n");
  });

  it("prints help at the terminal's width, example commands unbroken", () => {
    const help = spawnSync(process.execPath, [cliPath, "generate", "--help"], { encoding: "utf8", env: { ...process.env, COLUMNS: "160" } });
    expect(help.stdout).toMatch(/^ {2}sdkwright generate openapi\.yaml -o src\/api --watch +Regenerate on every change to the spec$/m);
    expect(Math.max(...help.stdout.split("\n").map((line) => line.length))).toBeGreaterThan(80);
  });

  it('says "1 resource, 1 method"', () => {
    const out = path.join(folder("plural"), "sdk");
    const result = runCli(["generate", path.join(repoRoot, "fixtures/load/lenient/info-version-number.yaml"), "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sdkwright: 1 resource, 1 method, \d+ files → /);
    expect(result.stderr).toMatch(/^warning: `info\.version` is a number.*\[info-version-not-string\]; fix: quote it/);
  });
});

describe("warnings", { timeout: 60_000 }, () => {
  it("carry a code, are counted per category, and a category or code can be silenced", () => {
    const out = path.join(folder("warn"), "sdk");
    const shown = runCli(["generate", expanded, "--out", out]);
    expect(shown.stderr).toMatch(/\[create-without-location\]/);
    const silenced = runCli(["generate", expanded, "--out", out, "--ignore-warnings", "semantics"]);
    expect(silenced.code).toBe(0);
    expect(silenced.stderr).not.toMatch(/create-without-location/);
    const typo = runCli(["generate", expanded, "--out", out, "--ignore-warnings", "semantic"]);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/unknown warning category or code "semantic"/);
  });

  it("inspect lists the validation warnings too, and --json carries the codes", () => {
    const spec = path.join(repoRoot, "fixtures/load/warning-nullable-without-type.yaml");
    const text = runCli(["inspect", spec]);
    expect(text.stdout).toMatch(/^spec \(1\): /m);
    expect(text.stdout).toMatch(/^ {2}\[nullable-without-type\] The `type` field must be defined/m);
    const json = JSON.parse(runCli(["inspect", spec, "--json"]).stdout);
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: "nullable-without-type", category: "spec", location: expect.objectContaining({ pointer: expect.stringMatching(/nullable$/) }) })]);
  });

  it("name their spec in a multi-spec run; --no-config runs an ad-hoc spec there", () => {
    const dir = folder("multi");
    writeFileSync(path.join(dir, "sdkwright.config.json"), JSON.stringify({ specs: [{ input: expanded, output: "a" }, { input: petstore, output: "b", ignoreWarnings: ["spec"] }] }));
    const both = runCli(["generate"], { cwd: dir });
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/^warning: \S*petstore-expanded\/openapi\.yaml: .*\[create-without-location\]/m);
    const adHoc = runCli(["generate", petstore, "-o", "c"], { cwd: dir });
    expect(adHoc.code).toBe(1);
    expect(adHoc.stderr).toMatch(/--no-config/);
    const noConfig = runCli(["generate", petstore, "-o", "c", "--no-config"], { cwd: dir });
    expect(noConfig.code).toBe(0);
    expect(readFileSync(path.join(dir, "c/client.ts"), "utf8")).toMatch(/^\/\/ Generated by sdkwright/);
  });
});

describe("failures are one line with a fix", { timeout: 60_000 }, () => {
  it("an --out that cannot be written: no stack trace, no 'bug in sdkwright'", () => {
    const dir = folder("unwritable");
    writeFileSync(path.join(dir, "file"), "");
    const result = runCli(["generate", petstore, "--out", path.join(dir, "file/sdk")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: cannot write the SDK to .*: a part of the path is a file, not a folder \(E\w+ on .*\)\n  at .*\n  fix: choose an output path/);
    expect(result.stderr).not.toMatch(/bug in sdkwright|\(.*:\d+:\d+\)/);
  });

  it("--force replaces a user's same-named file with the generated one, and says so", () => {
    const out = folder("force");
    writeFileSync(path.join(out, "client.ts"), "this does not compile");
    const refused = runCli(["generate", petstore, "--out", out]);
    expect(refused.code).toBe(1);
    const forced = runCli(["generate", petstore, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/^warning: your client\.ts in the output folder was replaced by the generated file .*\[output-file-replaced\]/m);
    expect(readFileSync(path.join(out, "client.ts"), "utf8")).toMatch(/^\/\/ Generated by sdkwright/);
  });

  it("--check compares with the options the output was made with (--format), recorded in the manifest", () => {
    const dir = folder("check");
    // A stand-in with Prettier's API (as in build.test.ts), so the test needs no network.
    mkdirSync(path.join(dir, "node_modules/prettier"), { recursive: true });
    writeFileSync(path.join(dir, "node_modules/prettier/package.json"), JSON.stringify({ name: "prettier", version: "3.0.0", main: "index.cjs" }));
    writeFileSync(path.join(dir, "node_modules/prettier/index.cjs"), "exports.format = async (source) => '// formatted\\n' + source;\n");
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
    expect(runCli(["generate", petstore, "--out", "api", "--format", "-q"], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "api/.sdkwright.json"), "utf8")).options).toEqual({ emit: "ts", format: true });
    const check = runCli(["generate", petstore, "--out", "api", "--check"], { cwd: dir });
    expect(check.stdout + check.stderr).toMatch(/is up to date/);
    expect(check.code).toBe(0);
    const unformatted = runCli(["generate", petstore, "--out", "api", "--check", "--no-format"], { cwd: dir });
    expect(unformatted.code).toBe(1);
    expect(unformatted.stderr).toMatch(/run `sdkwright generate` and commit/);
  });

  it("--check also knows --import-extension ts from the manifest, and names it in the fix", () => {
    const out = path.join(folder("check-ts"), "api");
    expect(runCli(["generate", petstore, "--out", out, "--import-extension", "ts", "-q"]).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, ".sdkwright.json"), "utf8")).options).toEqual({ emit: "ts", format: false, importExtension: "ts" });
    expect(runCli(["generate", petstore, "--out", out, "--check"]).code).toBe(0);
    expect(runCli(["generate", petstore, "--out", out, "--check", "--import-extension", "js"]).code).toBe(1);
    writeFileSync(path.join(out, "client.ts"), "// edited by hand\n");
    const stale = runCli(["generate", petstore, "--out", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/run `sdkwright generate --import-extension ts` and commit/);
  });

  it("a spec URL that never answers: --timeout ends it with the fix; the first Ctrl-C stops it", async () => {
    let requests = 0;
    // Accepts the connection and never answers.
    const server = http.createServer(() => void requests++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
    try {
      const timedOut = await startCli(["generate", url, "--out", path.join(folder("url"), "sdk"), "--timeout", "1"]).done;
      expect(timedOut.code).toBe(1);
      expect(timedOut.stderr).toMatch(new RegExp(`^error: no complete answer from ${url.replace(/[.?]/g, "\\$&")} within 1 s\\n  at .*\\n  fix: .*--timeout <seconds>\\n$`));

      const out = path.join(folder("url"), "sdk");
      const run = startCli(["generate", url, "--out", out]);
      for (let i = 0; i < 200 && requests < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(requests).toBe(2);
      const sent = Date.now();
      run.child.kill("SIGINT");
      const interrupted = await run.done;
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr).toMatch(/^error: interrupted/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
