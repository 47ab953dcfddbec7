/**
 * The generated client against a real third-party mock server: Prism (@stoplight/prism-cli) serves
 * each spec on 127.0.0.1 and validates every request against it (`--errors`: a wrong path, query
 * or body gets a 422, which the client throws), so each call proves the request matched the spec.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { compile, repoRoot, runCli } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-prism-"));
const prisms: ChildProcess[] = [];
afterAll(() => {
  for (const prism of prisms) prism.kill();
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `prism mock` on a free loopback port and resolves once it listens. */
async function startPrism(spec: string): Promise<{ baseUrl: string; log: () => string }> {
  const port = await freePort();
  const prism = spawn(process.execPath, [path.join(repoRoot, "node_modules/@stoplight/prism-cli/dist/index.js"), "mock", "--errors", "-h", "127.0.0.1", "-p", String(port), spec]);
  prisms.push(prism);
  let output = "";
  prism.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  prism.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300 && !/Prism is listening/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
  if (!/Prism is listening/.test(output)) throw new Error(`Prism did not start:\n${output}`);
  return { baseUrl: `http://127.0.0.1:${port}`, log: () => output };
}

const CASES: Array<{ name: string; spec: string; consumer: string }> = [
  {
    name: "petstore-expanded (OAI)",
    spec: "fixtures/petstore-expanded/openapi.yaml",
    consumer: `import { createClient } from "./sdk/index.js";
import { callEverything as calls } from "./fixture-consumer.js";
export const callEverything = (baseUrl: string) => calls(createClient({ baseUrl }));`,
  },
  {
    name: "petstore (OAI)",
    spec: "fixtures/prism/oai-petstore.yaml",
    consumer: `import { createClient } from "./sdk/index.js";
export async function callEverything(baseUrl: string) {
  const api = createClient({ baseUrl });
  return [await api.pets.list({ query: { limit: 20 } }), await api.pets.create({ id: 1, name: "Rex", tag: "dog" }), await api.pets.get("1")];
}`,
  },
  {
    // (xkcd's `*/*` responses cannot be mocked by Prism at all: it answers 500 whatever the request.)
    name: "API with examples (OAI)",
    spec: "fixtures/prism/oai-api-with-examples.yaml",
    consumer: `import { createClient } from "./sdk/index.js";
export async function callEverything(baseUrl: string) {
  const api = createClient({ baseUrl });
  return [await api.root.get(), await api.root.getVersionDetailsv2()];
}`,
  },
  {
    name: "USPTO data sets (OAI)",
    spec: "fixtures/prism/oai-uspto.yaml",
    consumer: `import { createClient } from "./sdk/index.js";
export async function callEverything(baseUrl: string) {
  const api = createClient({ baseUrl });
  return [
    await api.root.get(),
    // The operationId says list (list-searchable-fields): the spec's own verb wins over the one-object answer.
    await api.fields.list("oa_citations", "v1"),
    await api.records.create("oa_citations", "v1", { criteria: "*:*", start: 0, rows: 10 }),
  ];
}`,
  },
];

describe("generated clients against Prism", { timeout: 240_000 }, () => {
  it.each(CASES)("$name: every operation is accepted by the spec's validator", async ({ name, spec, consumer }) => {
    const dir = mkdtempSync(path.join(work, "case-"));
    const prism = startPrism(path.join(repoRoot, spec));
    expect(runCli(["generate", path.join(repoRoot, spec), "--out", path.join(dir, "sdk"), "-q"]).code).toBe(0);
    if (name.startsWith("petstore-expanded")) cpSync(path.join(repoRoot, "fixtures/petstore-expanded/consumer.ts"), path.join(dir, "fixture-consumer.ts"));
    writeFileSync(path.join(dir, "consumer.ts"), consumer);
    const tsc = compile(dir);
    expect(tsc.output).toBe("");
    const { baseUrl, log } = await prism;
    const { callEverything } = await import(pathToFileURL(path.join(dir, "js/consumer.js")).href);
    const results = await callEverything(baseUrl).catch((error: Error) => {
      throw new Error(`${error.message}\nPrism said:\n${log().split("\n").filter((l) => /✖|error/i.test(l)).join("\n")}`);
    });
    expect(results).toBeDefined();
    expect(log()).not.toMatch(/✖\s+error/);
  });
});
