import { writeFileSync } from "node:fs";
import path from "node:path";
import { installed, isInstalled, NODE_VERSIONS } from "../installed.mjs";
import { printingEntry, reportOf, type Target } from "../report.js";
import type { Runner } from "./runner.js";

/** undici, Node's fetch: a refused connection has its code; a reset reused connection is not replayed. */
const UNDICI: Runner["known"] = { refusedRequestSent: false, replay: { ok: false, attempts: 1, error: "OutcomeUnknownError", serverReceived: 1, onReusedConnection: true } };

/** The Node running the suite loads `--emit js`; Node 22 and 24 run the TypeScript output itself by type stripping. */
export const nodeRunners: Runner[] = [
  {
    name: `Node ${process.versions.node.split(".")[0]}: --emit js`,
    known: UNDICI,
    available: () => true,
    run: (work, target) => run(process.execPath, [], "./sdk-js/index.js", "node.mjs", work, target),
  },
  ...NODE_VERSIONS.map((major): Runner => ({
    name: `Node ${major}: TypeScript output by type stripping${major < 23 ? " (--experimental-strip-types)" : " (the default)"}`,
    known: UNDICI,
    available: () => isInstalled(installed.node(major)),
    // 22.18+ strips types by default too; the flag keeps older 22.x (from 22.6) working.
    run: (work, target) => run(installed.node(major), major < 23 ? ["--experimental-strip-types"] : [], "./sdk/index.ts", `node${major}.ts`, work, target),
  })),
];

function run(node: string, flags: string[], sdk: string, entry: string, work: string, target: Target) {
  writeFileSync(path.join(work, entry), printingEntry(sdk, target));
  return reportOf(node, [...flags, "--disable-warning=ExperimentalWarning", entry], { cwd: work });
}
