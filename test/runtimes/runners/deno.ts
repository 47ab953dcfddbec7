import { writeFileSync } from "node:fs";
import path from "node:path";
import { installed, isInstalled, runtimesDir } from "../installed.mjs";
import { printingEntry, reportOf } from "../report.js";
import type { Runner } from "./runner.js";

/** Deno runs the TypeScript output (`--import-extension ts`) as it is; it needs only --allow-net. */
export const denoRunner: Runner = {
  name: "Deno: TypeScript output, deno run --allow-net",
  known: { refusedRequestSent: false, replay: { ok: true, attempts: 1, serverReceived: 2, onReusedConnection: true } },
  available: () => isInstalled(installed.deno),
  run(work, target) {
    writeFileSync(path.join(work, "deno.ts"), printingEntry("./sdk/index.ts", target));
    return reportOf(installed.deno, ["run", "--allow-net", "--no-prompt", "deno.ts"], {
      cwd: work,
      env: { DENO_DIR: path.join(runtimesDir, "deno-dir"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    });
  },
};
