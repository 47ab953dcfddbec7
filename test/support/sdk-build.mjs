// Runs the real CLI and compiles its output with tsc, as a user's build would.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cliPath = path.join(repoRoot, "dist/cli.js");
const tscPath = path.join(repoRoot, "node_modules/typescript/bin/tsc");

/** `sdkwright ...args`, returning exit code and output (never throws). */
export function runCli(args, options = {}) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd: options.cwd ?? repoRoot });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Type-checks `dir` (the SDK plus any consumer files) with the strictest common settings and
 * emits JavaScript into `dir/js`. Returns tsc's exit code and diagnostics.
 */
export function compile(dir) {
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      outDir: "js",
      rootDir: ".",
    },
    include: ["*.ts", "sdk/**/*.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const result = spawnSync(process.execPath, [tscPath, "-p", path.join(dir, "tsconfig.json")], { encoding: "utf8" });
  return { code: result.status, output: result.stdout + result.stderr };
}
