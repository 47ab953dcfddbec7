import { writeFileSync } from "node:fs";
import path from "node:path";
import { installed, isInstalled } from "../installed.mjs";
import { printingEntry, reportOf } from "../report.js";
import type { Runner } from "./runner.js";

/** Bun runs the TypeScript output as it is. */
export const bunRunner: Runner = {
  name: "Bun: TypeScript output, bun main.ts",
  known: { refusedRequestSent: false, replay: { ok: false, attempts: 1, error: "OutcomeUnknownError", serverReceived: 1, onReusedConnection: true } },
  available: () => isInstalled(installed.bun),
  run(work, target) {
    writeFileSync(path.join(work, "bun.ts"), printingEntry("./sdk/index.ts", target));
    return reportOf(installed.bun, ["bun.ts"], { cwd: work, env: { NO_COLOR: "1" } });
  },
};
