import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { installed, isInstalled } from "../installed.mjs";
import type { Report } from "../report.js";
import { freePort } from "../server.mjs";
import type { Runner } from "./runner.js";

/**
 * Cloudflare's workerd, the runtime of Workers: a worker whose fetch handler runs the checks on
 * `--emit js`. Its outbound network is opened to loopback, which Workers' default ("public") is not.
 */
export const workerdRunner: Runner = {
  name: "workerd (Cloudflare Workers): --emit js in a worker",
  known: { refusedRequestSent: "unknown", replay: { ok: false, attempts: 1, error: "OutcomeUnknownError", serverReceived: 1, onReusedConnection: true } },
  available: () => isInstalled(installed.workerd),
  async run(work, target) {
    writeFileSync(
      path.join(work, "worker.mjs"),
      [
        'import * as sdk from "./sdk-js/index.js";',
        'import { runChecks } from "./checks.mjs";',
        `export default { fetch: async () => Response.json(await runChecks(sdk, ${JSON.stringify(target)})) };`,
        "",
      ].join("\n"),
    );
    const modules = ["worker.mjs", "checks.mjs", ...jsFiles(work, "sdk-js")].map((file) => `(name = "${file}", esModule = embed "${file}")`);
    const port = await freePort();
    writeFileSync(
      path.join(work, "workerd.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = (modules = [${modules.join(", ")}], compatibilityDate = "2025-09-01", globalOutbound = "loopback")),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
`,
    );
    // workerd serves until killed: the report is fetched from it, then it is stopped.
    const server = spawn(installed.workerd, ["serve", "workerd.capnp"], { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    server.stderr.on("data", (chunk) => (stderr += chunk));
    try {
      return await reportFrom(`http://127.0.0.1:${port}/`, () => stderr);
    } finally {
      server.kill();
    }
  },
};

/** The worker's answer, once workerd listens (it takes a moment to start; bounded at 10 s). */
async function reportFrom(url: string, stderr: () => string): Promise<Report> {
  for (let tries = 0; tries < 100; tries++) {
    const response = await fetch(url, { signal: AbortSignal.timeout(90_000) }).catch(() => undefined);
    if (response?.ok) return (await response.json()) as Report;
    if (response) throw new Error(`the worker answered ${response.status}: ${await response.text()}\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`workerd did not start:\n${stderr()}`);
}

/** `dir`'s .js files, relative to `root`, with `/` separators (the module names the worker imports). */
function jsFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .sort();
}
