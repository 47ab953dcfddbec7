import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-interrupt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A spec big enough that generation takes a noticeable time, so Ctrl-C lands in every stage. */
function bigSpec(version: string): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 800; i++) {
    const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, n: { type: "integer" } } } } } } };
    paths[`/things${i}`] = { get: { responses: ok }, post: { responses: ok } };
    paths[`/things${i}/{id}`] = { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], get: { responses: ok }, put: { responses: ok } };
  }
  const file = path.join(work, `big-${version}.json`);
  writeFileSync(file, JSON.stringify({ openapi: "3.0.3", info: { title: "Big", version }, paths }));
  return file;
}

/** The output folder is whole: every file its manifest lists exists, and the lock file and client.ts come from the same spec. */
function assertWhole(out: string): string {
  const manifest = JSON.parse(readFileSync(path.join(out, ".sdkwright.json"), "utf8")) as { files: string[] };
  for (const file of manifest.files) expect(existsSync(path.join(out, file)), file).toBe(true);
  const { spec } = JSON.parse(readFileSync(path.join(out, "sdkwright.lock.json"), "utf8")) as { spec: string };
  const title = /\/\*\* (Big \d+)/.exec(readFileSync(path.join(out, "client.ts"), "utf8"))?.[1];
  return `${spec} ${title}`;
}

describe("Ctrl-C during generation", { timeout: 120_000 }, () => {
  it("leaves either the previous output or the new one, whole, and no staging folder", async () => {
    const out = path.join(work, "sdk");
    expect(runCli(["generate", bigSpec("1"), "--out", out, "-q"]).code).toBe(0);
    const before = assertWhole(out);
    expect(before).toMatch(/^[0-9a-f]{16} Big 1$/);
    const next = bigSpec("2");
    const outcomes: string[] = [];
    for (const delayMs of [150, 400, 700, 1_000, 1_400, 2_000]) {
      const child = spawn(process.execPath, [path.join(repoRoot, "dist/cli.js"), "generate", next, "--out", out, "-q"]);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill("SIGINT"), delayMs);
      const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode, signal) => resolve(signal === "SIGINT" ? 130 : exitCode)));
      clearTimeout(timer);
      const after = assertWhole(out);
      // Either the previous output or the new one, never a mix: the lock's spec hash goes with client.ts's title.
      expect(after === before || (after.endsWith(" Big 2") && after.split(" ")[0] !== before.split(" ")[0]), after).toBe(true);
      expect(code === 0 || code === 130, `exit ${code}: ${stderr}`).toBe(true);
      if (code === 130) {
        // Killed during start-up (before sdkwright listens for Ctrl-C) there is no message, and nothing was touched.
        if (stderr !== "") expect(stderr).toMatch(/^error: interrupted: the previous output was left as it was/);
        expect(after).toBe(before);
      }
      outcomes.push(`${delayMs}ms→${code}`);
      expect(readdirSync(work).filter((name) => name.includes(".sdkwright-"))).toEqual([]);
      if (code === 0) break;
    }
    console.log(`interrupt outcomes: ${outcomes.join(", ")}`);
    expect(outcomes.some((o) => o.endsWith("→130"))).toBe(true);
    expect(existsSync(out)).toBe(true);
  });
});
