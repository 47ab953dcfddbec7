import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPetstoreServer } from "../support/petstore-server.mjs";
import { compile, repoRoot, runCli } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-e2e-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Generates the fixture with the real CLI next to its consumer.ts, then compiles both with tsc. */
function generateAndCompile(fixture: string): string {
  const dir = path.join(work, fixture);
  const generated = runCli(["generate", path.join(repoRoot, "fixtures", fixture, "openapi.yaml"), "--out", path.join(dir, "sdk")]);
  // Only warnings (e.g. the semantics lint: petstore-expanded's create() answers 200, not 201).
  for (const line of generated.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^warning: /);
  expect(generated.code).toBe(0);
  expect(generated.stdout).toMatch(/^sdkwright: \d+ resources?, \d+ methods?, \d+ files? → .* in \d+\.\d\d s\n$/);
  cpSync(path.join(repoRoot, "fixtures", fixture, "consumer.ts"), path.join(dir, "consumer.ts"));
  const tsc = compile(dir);
  expect(tsc.output).toBe("");
  expect(tsc.code).toBe(0);
  return dir;
}

async function importConsumer(dir: string) {
  return import(pathToFileURL(path.join(dir, "js", "consumer.js")).href);
}

describe("petstore (our fixture) against a loopback server", { timeout: 90_000 }, () => {
  let server: Awaited<ReturnType<typeof startPetstoreServer>>;
  let dir: string;
  beforeAll(async () => {
    dir = generateAndCompile("petstore");
    server = await startPetstoreServer();
  }, 180_000);
  afterAll(() => server?.close());

  it("calls every generated method, and each reaches the right route", async () => {
    const { callEverything } = await importConsumer(dir);
    const { createClient } = await import(pathToFileURL(path.join(dir, "js", "sdk", "index.js")).href);
    const result = await callEverything(createClient({ baseUrl: server.baseUrl, auth: { bearerAuth: async () => "token-1" } }));

    expect(result.created).toMatchObject({ id: "1", name: "Rex", species: "dog" });
    expect(result.location).toBe("/v1/pets/2");
    expect(result.replaced.age).toBe(4);
    expect(result.patched.age).toBe(6);
    expect(result.adopted.adopted).toBe(true);
    // A text/event-stream response is an async iterable of events.
    expect(result.events).toEqual(['fed: {"petId":"1"}', "message: walked"]);
    expect(result.visits).toEqual([{ id: result.visit.id, weightKg: 31.5, notes: "healthy" }]);
    expect(result.deletedVisit).toBeUndefined();
    expect(result.deleted).toBeUndefined();
    expect(result.key).toBe("order-1");
    // One request per call: nothing was retried or duplicated on a healthy server.
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /v1/pets",
      "POST /v1/pets",
      "GET /v1/pets?species=dog&limit=10",
      "GET /v1/pets",
      "GET /v1/pets/1",
      "PUT /v1/pets/1",
      "PUT /v1/pets/1",
      "PATCH /v1/pets/1",
      "POST /v1/pets/1/adopt",
      "GET /v1/pets/1/events",
      "POST /v1/pets/1/visits",
      "GET /v1/pets/1/visits?minWeight=1",
      `GET /v1/pets/1/visits/${result.visit.id}`,
      `DELETE /v1/pets/1/visits/${result.visit.id}`,
      "POST /v1/pets/1/visits",
      "POST /v1/orders",
      "POST /v1/orders",
      "DELETE /v1/pets/2",
    ]);
    expect(server.requests.find((r) => r.method === "PATCH")?.headers["content-type"]).toBe("application/merge-patch+json");
    // The per-call content type: the same operation sent once as JSON, once as a form.
    const visitPosts = server.requests.filter((r) => r.method === "POST" && r.url === "/v1/pets/1/visits");
    expect(visitPosts.map((r) => [r.headers["content-type"], r.body])).toEqual([
      ["application/json", JSON.stringify({ weightKg: 31.5, notes: "healthy" })],
      ["application/x-www-form-urlencoded", "weightKg=12&notes=form"],
    ]);
    expect(result.formVisit).toMatchObject({ weightKg: "12", notes: "form" });
    // Credentials go to every operation except the public listPets (security: []).
    for (const request of server.requests) {
      const isPublic = request.method === "GET" && /^\/v1\/pets(\?|$)/.test(request.url);
      expect(request.headers.authorization, `${request.method} ${request.url}`).toBe(isPublic ? undefined : "Bearer token-1");
    }
    const orders = server.requests.filter((r) => r.url === "/v1/orders");
    expect(orders[0]?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(orders[1]?.headers["idempotency-key"]).toBe("order-1");
  });

  it("a standalone function with createBaseClient() sends the same request, credentials included", async () => {
    const { getStandalone } = await importConsumer(dir);
    const { createBaseClient } = await import(pathToFileURL(path.join(dir, "js", "sdk", "index.js")).href);
    server.pets.set("42", { id: "42", name: "Solo", species: "cat" });
    server.requests.length = 0;
    const pet = await getStandalone(createBaseClient({ baseUrl: server.baseUrl, auth: { bearerAuth: "token-2" } }), "42");
    expect(pet).toEqual({ id: "42", name: "Solo", species: "cat" });
    expect(server.requests.map((r) => [`${r.method} ${r.url}`, r.headers.authorization])).toEqual([["GET /v1/pets/42", "Bearer token-2"]]);
  });

  it("retries a PUT through a 503 but sends a failed POST exactly once", async () => {
    const { createClient, ConnectionError } = await import(pathToFileURL(path.join(dir, "js", "sdk", "index.js")).href);
    const api = createClient({ baseUrl: server.baseUrl, retry: { initialDelayMs: 1 } });
    server.requests.length = 0;

    server.inject({ method: "PUT", path: "/v1/pets/9", kind: "status", status: 503, headers: { "retry-after": "0" } });
    const put = await api.pets.put("9", { name: "Kit", species: "cat" }).withResponse();
    expect(put.status).toBe(201);
    expect(put.attempts).toBe(2);

    server.inject({ method: "POST", path: "/v1/pets", kind: "reset" });
    const failure = await api.pets.create({ name: "Kit", species: "cat" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(String((failure as Error).message)).toMatch(/not retried because POST is not idempotent/);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["PUT /v1/pets/9", "PUT /v1/pets/9", "POST /v1/pets"]);
  });
});

describe("petstore-expanded (OAI example) against nock", { timeout: 90_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = generateAndCompile("petstore-expanded");
  }, 180_000);
  afterAll(() => nock.cleanAll());

  it("calls every generated method at the spec's server URL", async () => {
    const api = nock("https://petstore.swagger.io")
      .post("/v2/pets", { name: "Rex", tag: "dog" })
      .reply(200, { id: 7, name: "Rex", tag: "dog" })
      .get("/v2/pets")
      .query({ tags: ["dog", "cat"], limit: "2" })
      .reply(200, [{ id: 7, name: "Rex" }])
      .get("/v2/pets/7")
      .reply(200, { id: 7, name: "Rex" })
      .delete("/v2/pets/7")
      .reply(204);
    const { callEverything } = await importConsumer(dir);
    const result = await callEverything();
    expect(result).toEqual({ created: { id: 7, name: "Rex", tag: "dog" }, listed: [{ id: 7, name: "Rex" }], one: { id: 7, name: "Rex" }, deleted: undefined, name: "Rex" });
    expect(api.isDone()).toBe(true);
  });
});

/** A one-operation JSON spec padded past the size at which validation moves to a worker thread. */
function bigSpec(schema: object): string {
  return JSON.stringify({
    openapi: "3.0.3",
    info: { title: "big", version: "1", description: "x".repeat(300_000) },
    paths: { "/a": { get: { operationId: "listA", responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } },
  });
}

describe("bad input", { timeout: 90_000 }, () => {
  const cases: Array<[name: string, write: (dir: string) => string, message: RegExp]> = [
    ["missing file", (dir) => path.join(dir, "nope.yaml"), /spec file not found/],
    ["invalid YAML", (dir) => file(dir, "bad.yaml", "openapi: 3.0.0\ninfo:\n  title: x\n version: 1\n"), /cannot parse bad\.yaml[\s\S]*bad\.yaml:\d+/],
    ["not OpenAPI", (dir) => file(dir, "other.yaml", "name: my-package\nversion: 1.0.0\n"), /not an OpenAPI document/],
    [
      "broken $ref",
      (dir) =>
        file(
          dir,
          "broken.yaml",
          "openapi: 3.0.3\ninfo: { title: x, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Missing' }\n",
        ),
      /Can't resolve \$ref[\s\S]*broken\.yaml:\d+:\d+ #\/paths\/~1a\/get/,
    ],
    [
      // Big enough (≥ 256 KB) to be validated on a worker thread while the main thread generates: its error still wins.
      "broken $ref in a spec validated on a worker thread",
      (dir) => file(dir, "big.json", bigSpec({ $ref: "#/components/schemas/Missing" })),
      /Can't resolve \$ref[\s\S]*big\.json:\d+:\d+ #\/paths\/~1a\/get/,
    ],
  ];

  it("generates a spec validated on a worker thread", () => {
    const dir = mkdtempSync(path.join(work, "big-"));
    const result = runCli(["generate", file(dir, "big.json", bigSpec({ type: "object", properties: { id: { type: "string" } } })), "--out", path.join(dir, "sdk")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, "sdk", "operations", "a.ts"), "utf8")).toContain("export function aList(client: HttpClient");
  });

  it.each(cases)("%s: exit 1, a clear message, and the previous output untouched", (_name, write, message) => {
    const dir = mkdtempSync(path.join(work, "bad-"));
    const out = path.join(dir, "sdk");
    expect(runCli(["generate", path.join(repoRoot, "fixtures/petstore/openapi.yaml"), "--out", out]).code).toBe(0);
    const before = readFileSync(path.join(out, "client.ts"), "utf8");

    const result = runCli(["generate", write(dir), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(result.stdout).toBe("");
    expect(readFileSync(path.join(out, "client.ts"), "utf8")).toBe(before);
  });

  it("refuses a non-empty folder it did not create, unless --force", () => {
    const out = mkdtempSync(path.join(work, "foreign-"));
    writeFileSync(path.join(out, "notes.txt"), "mine");
    const refused = runCli(["generate", path.join(repoRoot, "fixtures/petstore/openapi.yaml"), "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already has files that sdkwright did not write[\s\S]*--force/);
    expect(existsSync(path.join(out, "client.ts"))).toBe(false);
    const forced = runCli(["generate", path.join(repoRoot, "fixtures/petstore/openapi.yaml"), "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(existsSync(path.join(out, "client.ts"))).toBe(true);
  });

  it("inspect prints the resource tree, or the model as JSON", () => {
    const spec = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
    const text = runCli(["inspect", spec]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ {2}\.put \/ update +PUT +\/pets\/\{petId\} +retried \(PUT is idempotent\)$/m);
    expect(text.stdout).toMatch(/^ {2}\.create +POST +\/pets +not retried \(POST is not idempotent\)$/m);
    const json = JSON.parse(runCli(["inspect", spec, "--json"]).stdout);
    expect(json.resources.map((r: { name: string }) => r.name)).toEqual(["orders", "pets"]);
  });

  it("a bad --config is a clear error naming the key", () => {
    const dir = mkdtempSync(path.join(work, "config-"));
    const config = file(dir, "sdkwright.json", JSON.stringify({ overides: {} }));
    const result = runCli(["inspect", path.join(repoRoot, "fixtures/petstore/openapi.yaml"), "--config", config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/invalid config: unknown key "overides"[\s\S]*sdkwright\.json #\/overides/);
  });

  it("prints usage help and version", () => {
    const help = runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/sdkwright generate \[spec\]/);
    expect(help.stdout).toMatch(/sdkwright inspect \[spec\]/);
    expect(runCli(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version);
    const missing = runCli(["generate"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: no spec to read\n {2}fix: pass one/);
  });
});

function file(dir: string, name: string, content: string): string {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
}
