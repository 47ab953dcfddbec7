import { readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { installed, isInstalled } from "../installed.mjs";
import { reportOf } from "../report.js";
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
    // workerd serves until killed: a small client fetches the report, then the server is stopped.
    const server = (await import("node:child_process")).spawn(installed.workerd, ["serve", "workerd.capnp"], { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    server.stderr.on("data", (chunk) => (stderr += chunk));
    try {
      const fetchScript = `for (let i = 0; i < 100; i++) { try { const r = await fetch("http://127.0.0.1:${port}/"); console.log("REPORT " + await r.text()); process.exit(0); } catch { await new Promise((r) => setTimeout(r, 100)); } } process.exit(1);`;
      return await reportOf(process.execPath, ["--input-type=module", "-e", fetchScript], { cwd: work }).catch((error: Error) => {
        throw new Error(`${error.message}\nworkerd: ${stderr}`);
      });
    } finally {
      server.kill();
    }
  },
};

/** `dir`'s .js files, relative to `root`, with `/` separators (the module names the worker imports). */
function jsFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => `${dir}/${file.split(path.sep).join("/")}`)
    .sort();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
