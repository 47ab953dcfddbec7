/**
 * The contract slice that runs in `npm test`: the wire fixture and two real specs,
 * every operation called through the generated SDK against Prism (see run.mjs for every spec), and
 * Stripe's customers.create checked byte for byte against Stripe's wire format.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { repoRoot } from "../support/sdk-build.mjs";
import { explain } from "./causes.mjs";
import { runContract } from "./contract.mjs";

interface Result {
  call: string;
  pass: "required" | "all";
  outcome: string;
  detail: string[];
}

const shared = path.resolve(repoRoot, "../shared/specs");
const work = mkdtempSync(path.join(tmpdir(), "sdkwright-contract-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const outcomes = (results: Result[]) => Object.fromEntries(results.map((r) => [`${r.call} ${r.pass}`, r.outcome]));

// Concurrent: each spec's Prism starts in its own process while another spec's SDK is generated.
describe.concurrent("contract: every operation against Prism", () => {
  it("the wire fixture: every style and encoding accepted; what cannot be sent fails before sending", { timeout: 120_000 }, async () => {
    const { results } = (await runContract(path.join(repoRoot, "fixtures/contract/wire.yaml"))) as unknown as { results: Result[] };
    expect(outcomes(results)).toEqual({
      "anything.traceAnything required": "not-sent",
      "anything.traceAnything all": "not-sent",
      "customers.list required": "accepted",
      "customers.list all": "accepted",
      // Prism reads the absent deepObject `address` as {} and wants its required line1 (see causes.mjs).
      "customers.create required": "rejected",
      "customers.create all": "accepted",
      "items.get required": "accepted",
      "items.get all": "accepted",
      "notes.create required": "accepted",
      "notes.create all": "accepted",
      // Prism's header deserializer throws on the absent optional array header.
      "repos.contents.get required": "validator-crash",
      "repos.contents.get all": "accepted",
      "search.get required": "accepted",
      "search.get all": "not-sent",
      "uploads.create required": "accepted",
      // Prism reads multipart parts as strings: no JSON part, no repeated part.
      "uploads.create all": "rejected",
    });
    const unaccepted = results.filter((r) => r.outcome !== "accepted").map((r) => ({ call: r.call, ...explain(r) }));
    expect(unaccepted.filter((r) => r.cause === "ours" || r.cause === "unexplained")).toEqual([]);
    expect(results.find((r) => r.call === "search.get" && r.pass === "all")!.detail[0]).toMatch(/never sent.*"mdfilters" is an array of objects/);
  });

  for (const [name, spec] of [
    ["shared/adyen-binlookup-v54.yaml", path.join(shared, "adyen-binlookup-v54.yaml")],
    ["shared/twilio-voice-v1.json", path.join(shared, "twilio-voice-v1.json")],
  ] as const) {
    it.skipIf(!existsSync(spec))(`${name}: every call accepted`, { timeout: 120_000 }, async () => {
      const { results } = (await runContract(spec)) as unknown as { results: Result[] };
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.outcome !== "accepted")).toEqual([]);
    });
  }
});

describe("Stripe customers.create on the wire", () => {
  const stripe = path.join(shared, "stripe-api.json");

  it.skipIf(!existsSync(stripe))("is byte-exact with Stripe's form encoding (deepObject: metadata[plan], arrays by index)", { timeout: 120_000 }, async () => {
    const { files } = await generate({ input: stripe });
    const dir = path.join(work, "stripe");
    // Only the runtime and the customers operations are needed; type-only imports vanish when transpiled.
    for (const file of files.filter((f) => f.path.startsWith("runtime/") || f.path === "operations/customers.ts")) {
      const target = path.join(dir, file.path.replace(/\.ts$/, ".js"));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, ts.transpileModule(file.content, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText);
    }
    const runtime = await import(pathToFileURL(path.join(dir, "runtime/index.js")).href);
    const operations = await import(pathToFileURL(path.join(dir, "operations/customers.js")).href);
    const sent: Array<{ url: string; body: string; type: string | null }> = [];
    const client = runtime.createHttpClient({
      baseUrl: "https://api.stripe.com",
      fetch: async (url: string, init: RequestInit) => {
        sent.push({ url, body: String(init.body), type: new Headers(init.headers).get("content-type") });
        return new Response('{"id":"cus_1"}', { headers: { "content-type": "application/json" } });
      },
    });
    await operations.customersCreate(client, {
      email: "jenny@example.com",
      metadata: { plan: "pro" },
      preferred_locales: ["en", "fr"],
      expand: ["tax"],
      address: { line1: "1 Main St", city: "Paris" },
    });
    expect(sent).toEqual([
      {
        url: "https://api.stripe.com/v1/customers",
        type: "application/x-www-form-urlencoded",
        body: "email=jenny%40example.com&metadata[plan]=pro&preferred_locales[0]=en&preferred_locales[1]=fr&expand[0]=tax&address[line1]=1%20Main%20St&address[city]=Paris",
      },
    ]);
    // A GET list takes no body (Stripe declares an empty form body on it); expand goes in the query by index.
    await operations.customersGet(client, "cus_1", { query: { expand: ["tax", "subscriptions"] } });
    expect(sent[1]!.url).toBe("https://api.stripe.com/v1/customers/cus_1?expand[0]=tax&expand[1]=subscriptions");
    expect(operations.customersList.length).toBe(2);
  });
});
