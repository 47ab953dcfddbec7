/**
 * The generated SDK in every runtime the README names, each running the same checks (checks.mjs)
 * against a loopback API (server.mjs). `npm run test:runtimes` installs the runtimes and requires
 * them all (CI does this); in a plain `npm test` a runtime that is not installed is skipped.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import type { Target } from "./report.js";
import { bunRunner } from "./runners/bun.js";
import { chromiumRunner } from "./runners/chromium.js";
import { denoRunner } from "./runners/deno.js";
import { nodeRunners } from "./runners/node.js";
import type { Runner } from "./runners/runner.js";
import { workerdRunner } from "./runners/workerd.js";
import { refusedPort, startApi } from "./server.mjs";

const RUNNERS: Runner[] = [...nodeRunners, denoRunner, bunRunner, chromiumRunner, workerdRunner];
const REQUIRED = process.env.SDKWRIGHT_RUNTIMES === "required";
const CHECKS = [
  "create, put, list, get, delete",
  "withResponse() reads Location, id and ETag",
  "PUT is retried after a 503",
  "PUT is retried after a reset on a fresh connection",
  "POST is sent once: a reset is OutcomeUnknownError, not retried",
  "a POST with a declared Idempotency-Key is retried with one key",
  "a per-attempt timeout ends a stalled request with TimeoutError",
  "an AbortSignal ends the call with its reason",
  "multipart/form-data with a file",
  "an event stream yields each event",
];

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-runtimes-"));
let refusedUrl: string;
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const input = path.join(import.meta.dirname, "openapi.yaml");
  await generate({ input, out: path.join(work, "sdk"), importExtension: "ts" });
  await generate({ input, out: path.join(work, "sdk-js"), emit: "js" });
  copyFileSync(path.join(import.meta.dirname, "checks.mjs"), path.join(work, "checks.mjs"));
  writeFileSync(path.join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
  refusedUrl = `http://127.0.0.1:${await refusedPort()}/v1`;
}, 120_000);

describe("the generated SDK in each runtime", { timeout: 120_000 }, () => {
  for (const runner of RUNNERS) {
    const installed = runner.available();
    it.skipIf(!installed && !REQUIRED)(runner.name, async () => {
      expect(installed, `${runner.name} is not installed: run npm run test:runtimes`).toBe(true);
      const api = await startApi();
      const keepAliveApi = await startApi({ keepAlive: true, trapReusedPost: true });
      try {
        const target: Target = { api: api.url, keepAliveApi: keepAliveApi.url, refusedUrl };
        const report = await runner.run(work, target);
        const passed = report.results.filter((r) => r.ok).length;
        console.log(`${runner.name}: ${passed}/${report.results.length} checks; refused: requestSent ${report.refused.requestSent} (${report.refused.message}); replay: ${JSON.stringify(report.replay)}; secureContext: ${report.secureContext}`);
        expect(report.results.filter((r) => !r.ok)).toEqual([]);
        expect(report.results.map((r) => r.name)).toEqual(CHECKS);
        // A refused connection: provably never sent where the runtime's error says so.
        expect(report.refused.requestSent, report.refused.message).toBe(runner.known.refusedRequestSent);
        expect(report.refused.name).toBe(runner.known.refusedRequestSent === false ? "ConnectionError" : "OutcomeUnknownError");
        // The platform replay (README "Runtimes"): the SDK made one attempt; did the server get one POST or two?
        expect(report.replay).toEqual(runner.known.replay);
      } finally {
        await Promise.all([api.close(), keepAliveApi.close()]);
      }
    });
  }
});
