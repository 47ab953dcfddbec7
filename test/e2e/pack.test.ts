import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The published package, installed from its tarball into an empty project, then used as a user would.
 * Its dependencies come from the npm cache when it has them and from the registry when it does not
 * (a fresh machine's cache is empty; `--offline` failed there with ENOTCACHED).
 */
describe("the packed package", { timeout: 180_000 }, () => {
  it("installs from the tarball and runs `npx sdkwright generate` and the programmatic API", () => {
    const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", work], repoRoot)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    // Only what the package needs: the compiled CLI and library, the runtime templates, the docs.
    expect(files.every((f) => /^(dist\/|templates\/[a-z-]+\.ts$|package\.json$|README\.md$|LICENSE)/.test(f))).toBe(true);
    expect(files).toContain("dist/cli.js");
    expect(files).toContain("templates/http-client.ts");
    const tarball = path.join(work, packed[0]!.filename);
    console.log(`packed size: ${statSync(tarball).size} bytes, ${files.length} files`);

    const app = path.join(work, "app");
    execFileSync("mkdir", ["-p", app]);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);

    const spec = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
    const cli = spawnSync("npx", ["--no-install", "sdkwright", "generate", spec, "--out", "src/api"], { cwd: app, encoding: "utf8" });
    expect(cli.stderr).toBe("");
    expect(cli.stdout).toMatch(/^sdkwright: 4 resources, 13 methods, \d+ files → src\/api/);
    expect(readdirSync(path.join(app, "src/api/resources")).sort()).toEqual(["orders.ts", "pets-events.ts", "pets-visits.ts", "pets.ts"]);

    writeFileSync(path.join(app, "api.mjs"), `import { generate } from "sdkwright";\nconst r = await generate({ input: ${JSON.stringify(spec)} });\nconsole.log(r.stats.methods, r.files.length);\n`);
    expect(execFileSync(process.execPath, ["api.mjs"], { cwd: app, encoding: "utf8" }).trim()).toMatch(/^13 \d+$/);
  });
});
