// Child processes with a hard time limit: every run is its own process group, killed whole on timeout.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const TIME = "/usr/bin/time";

// Process groups still running: ended with this process, however it ends (exit, Ctrl-C, kill).
const live = new Set();
process.on("exit", () => {
  for (const pid of live) killGroup(pid);
});

/**
 * Runs `cmd args` under `/usr/bin/time -f "%e %M %U %S"` and returns whole-process wall time (s),
 * peak RSS (KiB; GNU time reports the largest of the process and its reaped descendants) and CPU
 * time (user + system, s, the process and its reaped descendants).
 * stdout/stderr go to `log` (a file path). Never runs longer than `timeoutMs`.
 */
export async function timed(cmd, args, { cwd, env, timeoutMs = 300_000, log } = {}) {
  if (!existsSync(TIME)) throw new Error(`${TIME} not found (apt-get install time)`);
  const timeFile = `${log ?? path.join(cwd ?? process.cwd(), "run")}.time`;
  rmSync(timeFile, { force: true });
  const result = await run(TIME, ["-f", "%e %M %U %S", "-o", timeFile, cmd, ...args], { cwd, env, timeoutMs, log });
  let wallS = NaN;
  let rssKB = NaN;
  let cpuS = NaN;
  if (existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the format line on failure.
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    const last = lines.at(-1)?.trim().split(/\s+/) ?? [];
    wallS = Number(last[0]);
    rssKB = Number(last[1]);
    cpuS = Number(last[2]) + Number(last[3]);
  }
  if (result.timedOut) wallS = timeoutMs / 1000;
  return { ...result, wallS, rssKB, cpuS };
}

/** Runs a command in its own process group; resolves (never rejects) with { code, signal, timedOut, ms }. */
export function run(cmd, args, { cwd, env, timeoutMs = 300_000, log, input } = {}) {
  return new Promise((resolve) => {
    let fd;
    if (log) {
      mkdirSync(path.dirname(log), { recursive: true });
      fd = openSync(log, "w");
    }
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: [input === undefined ? "ignore" : "pipe", fd ?? "ignore", fd ?? "ignore"],
    });
    if (input !== undefined) child.stdin.end(input);
    live.add(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    const finish = (code, signal) => {
      clearTimeout(timer);
      // Nothing the run started may outlive it (e.g. a worker process of a generator).
      killGroup(child.pid);
      live.delete(child.pid);
      if (fd !== undefined) closeSync(fd);
      resolve({ code, signal, timedOut, ok: code === 0 && !timedOut, ms: performance.now() - started });
    };
    child.on("error", (error) => finish(-1, String(error)));
    child.on("exit", finish);
  });
}

/** Runs a command and captures its stdout (bounded by a timeout); rejects on failure. */
export function capture(cmd, args, { cwd, env, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child.pid);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      live.delete(child.pid);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(" ")} exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

function killGroup(pid) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
