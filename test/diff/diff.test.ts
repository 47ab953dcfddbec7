import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSpecs, formatDiff } from "../../src/diff/index.js";
import { diffStaleOutput } from "../../src/diff/stale-output.js";
import { generate } from "../../src/index.js";
import { runCli } from "../support/sdk-build.mjs";

const rules = path.resolve(import.meta.dirname, "../../fixtures/diff/rules");
const before = path.join(rules, "before.yaml");
const after = path.join(rules, "after.yaml");

/** `[severity, method, where, message]` per change, as the report lists them. */
const summary = (report: Awaited<ReturnType<typeof diffSpecs>>) => report.changes.map((c) => [c.severity, c.method, c.where ?? "", c.message]);

describe("sdkwright diff", { timeout: 120_000 }, () => {
  it("classifies each rule of fixtures/diff/rules by what the generated TypeScript accepts", async () => {
    const report = await diffSpecs(before, after);
    expect(summary(report)).toEqual([
      ["breaking", "attachments.get", "response", "new variant { video: string; }: code that handles every case misses it"],
      ["breaking", "coupons.delete", "", "removed: calls to it no longer compile"],
      ["compatible", "customers.list", "options.query.email", "new optional parameter"],
      ["compatible", "discounts.list", "", "new method"],
      ["compatible", "files.get", "", "path parameters renamed (GET /files/{fileId} → GET /files/{id}); they are positional, so calls still compile"],
      ["breaking", "invoices.get", "response.memo", "removed from the response"],
      ["breaking", "orders.list", "options", "now required"],
      ["breaking", "orders.list", "options.query", "now required"],
      ["breaking", "orders.list", "options.query.cursor", "new required parameter"],
      ["breaking", "payments.get", "response.status", "new value 'refunded': an exhaustive switch (or a Record keyed by it) no longer compiles"],
      ["breaking", "prices.get", "response.amount", "no longer fits the old type: number → string"],
      ["compatible", "products.get", "response.color", "new field in the response"],
      ["compatible", "refunds.create", "body.reason", "accepts new value 'requested_by_customer'"],
      ["breaking", "subscriptions.create", "body.plan", "now required"],
      ["breaking", "taxes.get", "response.rate", "may now be null"],
      ["compatible", "webhooks.delete", "response", "now returns a body (it returned nothing)"],
    ]);
    expect(report).toMatchObject({ verdict: "major", breaking: 10, compatible: 6, methods: { before: 15, after: 15, added: 1, removed: 1, renamed: 0 } });
    // The renamed operationId is no change at all: the lock keeps the method, and the report says so.
    expect(report.notes).toEqual([expect.stringMatching(/^TRACE \/events\/\{id\}: kept events\.traceEvent\(\) from the lock file; named afresh it would be events\.follow\(\)/)]);
    expect(formatDiff(report, { before: "before.yaml", after: "after.yaml" })).toMatch(
      /^sdkwright diff before\.yaml → after\.yaml\nverdict: major \(10 breaking, 6 compatible changes\)\n[\s\S]*  payments\.get\(\)  GET \/payments\/\{id\}\n    response\.status: new value 'refunded'/,
    );
  });

  it("with --rename, reports the method a renamed operationId would rename", async () => {
    const report = await diffSpecs(before, after, { rename: true });
    expect(summary(report).filter(([, method]) => method!.startsWith("events."))).toEqual([
      ["breaking", "events.follow", "", "renamed from events.traceEvent(): calls to the old name no longer compile"],
    ]);
    expect(report.methods.renamed).toBe(1);
  });

  it("says minor for additions only and patch when the SDK's surface is unchanged", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-diff-"));
    const spec = (name: string, description: string, query: object[]) => {
      const file = path.join(dir, name);
      const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } } };
      writeFileSync(file, JSON.stringify({ openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/pets": { get: { description, parameters: query, responses: ok } } } }));
      return file;
    };
    const limit = { name: "limit", in: "query", schema: { type: "integer" } };
    const v1 = spec("v1.json", "List pets", []);
    const patch = await diffSpecs(v1, spec("v2.json", "List all the pets", []));
    expect([patch.verdict, patch.changes]).toEqual(["patch", []]);
    const minor = await diffSpecs(v1, spec("v3.json", "List pets", [limit]));
    expect(minor.verdict).toBe("minor");
    expect(summary(minor)).toEqual([
      ["compatible", "pets.list", "options.query", "new optional field"],
    ]);
  });

  it("gives the same report for a stale output folder (generate --check): the committed SDK against the spec's", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "sdkwright-diff-")), "sdk");
    await generate({ input: before, out });
    const { check, files } = await generate({ input: after, out, check: true });
    expect(check?.upToDate).toBe(false);
    const report = await diffStaleOutput(out, files);
    expect(summary(report!)).toEqual(summary(await diffSpecs(before, after)));
  });

  it("CLI: text or --json, and --fail-on breaking sets the exit code", { timeout: 180_000 }, () => {
    const plain = runCli(["diff", before, after]);
    expect([plain.code, plain.stderr]).toEqual([0, ""]);
    expect(plain.stdout).toMatch(/^sdkwright diff .*before\.yaml → .*after\.yaml\nverdict: major/);
    const gate = runCli(["diff", before, after, "--fail-on", "breaking", "--json"]);
    expect(gate.code).toBe(1);
    expect(JSON.parse(gate.stdout)).toMatchObject({ verdict: "major", breaking: 10 });
  });
});
