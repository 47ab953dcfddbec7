import { spawn } from "node:child_process";

/** What checks.mjs returns. */
export interface Report {
  results: Array<{ name: string; ok: boolean; error?: string }>;
  refused: { name: string; requestSent: boolean | "unknown"; message: string };
  replay: { ok: boolean; attempts: number; error?: string; serverReceived: number; onReusedConnection: boolean };
  secureContext: boolean | undefined;
}

/** Where the checks reach the API (see server.mjs), as each runner passes it to checks.mjs. */
export interface Target {
  api: string;
  keepAliveApi: string;
  refusedUrl: string;
}

/** The entry module of a runtime that prints the report: imports the SDK at `sdk`, runs the checks. */
export function printingEntry(sdk: string, target: Target): string {
  return [
    `import * as sdk from ${JSON.stringify(sdk)};`,
    'import { runChecks } from "./checks.mjs";',
    `const report = await runChecks(sdk, ${JSON.stringify(target)});`,
    'console.log("REPORT " + JSON.stringify(report));',
    "",
  ].join("\n");
}

/**
 * Runs a command and returns the report it printed. It runs beside the test's own loopback
 * servers, so it must not block this process (no spawnSync); it is killed after `timeoutMs`.
 */
export function reportOf(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 90_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split("\n").find((l) => l.startsWith("REPORT "));
      if (line) resolve(JSON.parse(line.slice("REPORT ".length)) as Report);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code ?? signal} and no report:\n${stdout}\n${stderr}`));
    });
  });
}
