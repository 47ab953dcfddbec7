/**
 * Property-based fuzzing: random and mutated specs through the loader, the resource model and the
 * emitter. Every input must end in output that parses as TypeScript or in a SdkwrightError —
 * never another exception, a crash or a hang. `npm run fuzz` runs many more cases (FUZZ_RUNS).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import YAML from "yaml";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitClient } from "../../src/emit/index.js";
import { generate, SdkwrightError } from "../../src/index.js";
import { loadSpec } from "../../src/load/index.js";
import { buildModel } from "../../src/model/index.js";
import { collectOperations } from "../../src/model/operations.js";
import type { Resource } from "../../src/model/types.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 60);
const SEED = Number(process.env["FUZZ_SEED"] ?? 20261127);
const work = mkdtempSync(path.join(tmpdir(), "sdkwright-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const petstore = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/petstore/openapi.yaml"), "utf8");
const petstoreJson = JSON.stringify(YAML.parse(petstore), null, 1);

let counter = 0;
function file(content: string, ext: string): string {
  const name = path.join(work, `case-${counter++}.${ext}`);
  writeFileSync(name, content);
  return name;
}

/** Resolves, or rejects with the one error type users are meant to see. */
async function expectCleanOutcome(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SdkwrightError)) throw new Error(`not a clean error: ${(error as Error)?.stack ?? String(error)}`);
  }
}

function assertParses(content: string, name: string): void {
  const source = ts.createSourceFile(name, content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), name).toEqual([]);
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("*/", "`${x}`", '"', "'", "\\", "\n", "\u2028", "\u202e", "constructor", "__proto__", "default", "0", ".", "..", "{", "}", "@me", "a.b", "v1", "2010-04-01"),
);
const segment = fc.oneof(text, text.map((t) => `{${t}}`), fc.constantFrom("pets", "users", "{id}", "{owner}", "Messages.json", "chat.postMessage"));
const method = fc.constantFrom("get", "put", "post", "delete", "patch", "head", "options", "trace");
const parameter = fc.record({ name: text, in: fc.constantFrom("query", "header", "path", "cookie"), required: fc.boolean(), schema: fc.constant({ type: "string" }) });
const operation = fc.record(
  {
    operationId: text,
    summary: text,
    parameters: fc.array(parameter, { maxLength: 3 }),
    requestBody: fc.record({ content: fc.dictionary(fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/octet-stream", "application/vnd.x+json"), fc.constant({ schema: { type: "object" } })) }),
    responses: fc.dictionary(fc.constantFrom("200", "201", "204", "2XX", "404", "default"), fc.record({ description: text }), { minKeys: 1 }),
  },
  { requiredKeys: ["responses"] },
);
const spec = fc.record({
  openapi: fc.constantFrom("3.0.3", "3.1.0"),
  info: fc.record({ title: text, version: text }),
  paths: fc.dictionary(fc.array(segment, { minLength: 0, maxLength: 4 }).map((s) => `/${s.join("/")}`), fc.dictionary(method, operation, { maxKeys: 3 }), { maxKeys: 6 }),
});

function calls(resources: Resource[]): string[] {
  return resources.flatMap((r) => [...r.methods.map((m) => `${m.httpMethod} ${m.path}`), ...calls(r.children)]);
}

function checkNames(resources: Resource[]): void {
  for (const resource of resources) {
    expect(resource.fileName).toMatch(/^[a-z0-9-]+$/);
    expect(resource.className).toMatch(/^[A-Za-z_$][\w$]*$/);
    const names = [...resource.methods.flatMap((m) => [m.name, ...m.aliases]), ...resource.children.map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z_$][\w$]*$/);
    for (const m of resource.methods) for (const p of m.pathParams) expect(p.identifier).toMatch(/^[A-Za-z_$][\w$]*$/);
    checkNames(resource.children);
  }
}

describe("fuzzing", { timeout: 600_000 }, () => {
  it(`the loader: ${RUNS} mutated petstores end in a spec or a clean error`, async () => {
    const mutation = fc.record({ at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.string({ maxLength: 8 }), json: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ at, cut, insert, json }) => {
        const source = json ? petstoreJson : petstore;
        const i = at % source.length;
        const mutated = source.slice(0, i) + insert + source.slice(i + cut);
        await expectCleanOutcome(() => loadSpec(file(mutated, json ? "json" : "yaml")));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it(`the model: ${RUNS * 5} random specs map every operation to exactly one safe, unique name`, () => {
    fc.assert(
      fc.property(spec, (document) => {
        const model = buildModel(document as never);
        const expected = collectOperations(document as never).map((op) => `${op.httpMethod} ${op.path}`).sort();
        expect(calls(model.resources).sort()).toEqual(expected);
        checkNames(model.resources);
        for (const generated of emitClient(model)) if (generated.path.endsWith(".ts")) assertParses(generated.content, generated.path);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });

  it(`the whole pipeline: ${Math.ceil(RUNS / 3)} random specs give parseable files or a clean error`, async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (document) => {
        await expectCleanOutcome(async () => {
          const result = await generate({ input: file(JSON.stringify(document), "json") });
          for (const generated of result.files) if (generated.path.endsWith(".ts")) assertParses(generated.content, generated.path);
        });
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });
});
