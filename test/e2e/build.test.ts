import { execFileSync, spawn, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const petstore = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
const expanded = path.join(repoRoot, "fixtures/petstore-expanded/openapi.yaml");
const version = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;

function project(): string {
  return mkdtempSync(path.join(work, "project-"));
}

describe("sdkwright in a build", { timeout: 180_000 }, () => {
  it("--check: 0 when up to date, 1 with a summary when not, and it writes nothing", () => {
    const dir = project();
    const out = path.join(dir, "api");
    expect(runCli(["generate", petstore, "--out", out, "-q"]).code).toBe(0);
    const upToDate = runCli(["generate", petstore, "--out", out, "--check"]);
    expect([upToDate.code, upToDate.stdout]).toEqual([0, `sdkwright: ${path.relative(repoRoot, out)} is up to date\n`]);

    appendFileSync(path.join(out, "client.ts"), "// edited by hand\n");
    rmSync(path.join(out, "resources/orders.ts"));
    const stale = runCli(["generate", petstore, "--out", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/is out of date with the spec[\s\S]*changed \(1\): client\.ts[\s\S]*missing \(1\): resources\/orders\.ts/);
    expect(readFileSync(path.join(out, "client.ts"), "utf8")).toMatch(/edited by hand/);
    expect(existsSync(path.join(out, "resources/orders.ts"))).toBe(false);
  });

  it("reads sdkwright.config.json with several specs; flags override a single-spec config", () => {
    const dir = project();
    writeFileSync(
      path.join(dir, "sdkwright.config.json"),
      JSON.stringify({ baseUrl: "https://staging.example.com", specs: [{ input: petstore, output: "src/pets" }, { input: expanded, output: "src/expanded", retry: { maxRetries: 5 } }] }),
    );
    const both = runCli(["generate"], { cwd: dir });
    expect(both.code).toBe(0);
    expect(both.stdout.trim().split("\n")).toHaveLength(2);
    expect(readFileSync(path.join(dir, "src/pets/base-client.ts"), "utf8")).toContain('DEFAULT_BASE_URL = "https://staging.example.com"');
    expect(readFileSync(path.join(dir, "src/expanded/base-client.ts"), "utf8")).toContain('retry: {"maxRetries":5}');
    expect(runCli(["generate", "--check", "-q"], { cwd: dir }).code).toBe(0);

    const ambiguous = runCli(["generate", petstore], { cwd: dir });
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toMatch(/lists 2 specs/);

    writeFileSync(path.join(dir, "one.json"), JSON.stringify({ input: petstore, output: "src/one", baseUrl: "https://a.example.com" }));
    expect(runCli(["generate", "--config", "one.json", "--base-url", "https://b.example.com", "-q"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, "src/one/base-client.ts"), "utf8")).toContain('DEFAULT_BASE_URL = "https://b.example.com"');
  });

  it.each([
    ["sdkwright.config.mjs", `export default { input: ${JSON.stringify(petstore)}, output: "gen" };`],
    ["sdkwright.config.ts", `const config: { input: string; output: string } = { input: ${JSON.stringify(petstore)}, output: "gen" };\nexport default config;`],
  ])("reads %s", (name, source) => {
    const dir = project();
    writeFileSync(path.join(dir, name), source);
    expect(runCli(["generate", "-q"], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, "gen/client.ts"))).toBe(true);
  });

  it("rejects an invalid config with the key and the file", () => {
    const dir = project();
    writeFileSync(path.join(dir, "sdkwright.config.json"), JSON.stringify({ input: petstore, output: "x", emit: "java" }));
    const result = runCli(["generate"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid config: "emit" must be "ts", "js" or "cjs"[\s\S]*sdkwright\.config\.json #\/emit/);
  });

  it("--emit js gives ES modules with .d.ts; --emit cjs gives CommonJS", async () => {
    const dir = project();
    expect(runCli(["generate", petstore, "--out", path.join(dir, "esm"), "--emit", "js", "-q"]).code).toBe(0);
    expect(existsSync(path.join(dir, "esm/resources/pets.d.ts"))).toBe(true);
    expect(existsSync(path.join(dir, "esm/resources/pets.ts"))).toBe(false);
    const esm = await import(pathToFileURL(path.join(dir, "esm/index.js")).href);
    expect(typeof esm.createClient().pets.list).toBe("function");

    expect(runCli(["generate", petstore, "--out", path.join(dir, "cjs"), "--emit", "cjs", "-q"]).code).toBe(0);
    const cjs = createRequire(import.meta.url)(path.join(dir, "cjs/index.js"));
    expect(typeof cjs.createClient().pets.put).toBe("function");
    expect(readFileSync(path.join(dir, "cjs/client.js"), "utf8")).toMatch(/^"use strict";\n\/\/ Generated by sdkwright/);
  });

  it("--emit js loads in a host package whose type is commonjs (npm init's default): the SDK says it is ESM", () => {
    const dir = project();
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "host", type: "commonjs" }));
    expect(runCli(["generate", petstore, "--out", path.join(dir, "api"), "--emit", "js", "-q"]).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "api/package.json"), "utf8"))).toEqual({ type: "module" });
    writeFileSync(path.join(dir, "main.mjs"), 'const { createClient } = await import("./api/index.js");\nconsole.log(typeof createClient().pets.list);\n');
    // Node 20 has no ESM syntax detection: without the marker this fails; later versions would warn on stderr.
    const run = spawnSync(process.execPath, ["main.mjs"], { cwd: dir, encoding: "utf8" });
    expect([run.stdout, run.stderr]).toEqual(["function\n", ""]);
  });

  it("--import-extension ts: the TypeScript output imports ./x.ts (Deno, node main.ts)", () => {
    const dir = project();
    writeFileSync(path.join(dir, "sdkwright.config.json"), JSON.stringify({ input: petstore, output: "api", importExtension: "ts" }));
    expect(runCli(["generate", "-q"], { cwd: dir }).code).toBe(0);
    const resource = readFileSync(path.join(dir, "api/resources/pets.ts"), "utf8");
    expect(resource).toMatch(/from "\.\.\/runtime\/index\.ts";/);
    expect(resource).not.toMatch(/from "[^"]*\.js"/);
    expect(readFileSync(path.join(dir, "api/runtime/http-client.ts"), "utf8")).toMatch(/import \{ newIdempotencyKey \} from "\.\/idempotency-key\.ts";/);
    // Compiled output always imports .js: the combination is refused, with a hint.
    const both = runCli(["generate", petstore, "--out", path.join(dir, "js"), "--emit", "js", "--import-extension", "ts"]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/--import-extension ts applies to TypeScript output, not to --emit js/);
    expect(existsSync(path.join(dir, "js"))).toBe(false);
  });

  it("--json reports each target; --quiet prints nothing; the lock file, not the banner, names the version and the spec", () => {
    const dir = project();
    const json = runCli(["generate", petstore, "--out", path.join(dir, "a"), "--json"]);
    const [report] = JSON.parse(json.stdout);
    expect(report).toMatchObject({ ok: true, spec: petstore, out: path.join(dir, "a"), resources: 4, methods: 13 });
    const quiet = runCli(["generate", expanded, "--out", path.join(dir, "b"), "--quiet"]);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
    expect(readFileSync(path.join(dir, "a/index.ts"), "utf8")).toMatch(/^\/\/ Generated by sdkwright from an OpenAPI description\. Do not edit: regenerate instead\.\n/);
    expect(JSON.parse(readFileSync(path.join(dir, "a/sdkwright.lock.json"), "utf8"))).toMatchObject({ generator: `sdkwright ${version}`, spec: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it("--format runs the project's own Prettier with the project's config, and says so when there is none", () => {
    const dir = project();
    // A stand-in with Prettier's API, so the test needs no network: it records the options it was given.
    execFileSync("mkdir", ["-p", path.join(dir, "node_modules/prettier")]);
    writeFileSync(path.join(dir, "node_modules/prettier/package.json"), JSON.stringify({ name: "prettier", version: "3.0.0", main: "index.cjs" }));
    writeFileSync(
      path.join(dir, "node_modules/prettier/index.cjs"),
      "exports.resolveConfig = async () => ({ semi: false });\nexports.format = async (source, options) => `// formatted semi=${options.semi} ${require('path').basename(options.filepath)}\\n` + source;\n",
    );
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "app", private: true }));
    expect(runCli(["generate", petstore, "--out", "api", "--format", "-q"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, "api/client.ts"), "utf8")).toMatch(/^\/\/ formatted semi=false client\.ts\n\/\/ Generated by sdkwright/);
    expect(runCli(["generate", petstore, "--out", "api", "--format", "--check", "-q"], { cwd: dir }).code).toBe(0);

    const bare = project();
    const missing = runCli(["generate", petstore, "--out", "api", "--format"], { cwd: bare });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--format needs Prettier in this project[\s\S]*npm install -D prettier/);
  });

  // Each wait allows 60 s: on a busy machine (load average 13 on 2 cores) the first run alone took over 20 s.
  it("--watch regenerates when a file reached by $ref changes, and survives a broken spec", { timeout: 240_000 }, async () => {
    const dir = project();
    cpSync(path.join(repoRoot, "fixtures/load/multi-file"), path.join(dir, "spec"), { recursive: true });
    const out = path.join(dir, "api");
    const child = spawn(process.execPath, [path.join(repoRoot, "dist/cli.js"), "generate", path.join(dir, "spec/openapi.yaml"), "--out", out, "--watch"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const waitFor = async (predicate: () => boolean, what: string) => {
      for (let i = 0; i < 600 && !predicate(); i++) await new Promise((r) => setTimeout(r, 100));
      if (!predicate()) throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`);
    };
    try {
      await waitFor(() => /watching \d+ files/.test(stderr), "the first run");
      expect(stderr).toMatch(/watching [2-9] files/); // the root and the files its $refs reach
      const schema = path.join(out, "schema.ts");
      const before = readFileSync(schema, "utf8");
      const pet = path.join(dir, "spec/schemas/pet.yaml");
      writeFileSync(pet, readFileSync(pet, "utf8").replace(/properties:\n/, "properties:\n    nickname:\n      type: string\n"));
      await waitFor(() => existsSync(schema) && readFileSync(schema, "utf8") !== before, "regeneration");
      expect(readFileSync(schema, "utf8")).toContain("nickname?: string");

      const root = path.join(dir, "spec/openapi.yaml");
      writeFileSync(root, "openapi: 3.0.3\ninfo: [broken\n");
      await waitFor(() => /error: cannot parse openapi\.yaml/.test(stderr), "the error");
      expect(child.exitCode).toBeNull(); // still watching
    } finally {
      child.kill("SIGINT");
    }
  });
});
