// `npm run example`: generates the SDK for the bundled petstore (fixtures/petstore/openapi.yaml)
// into examples/petstore/, compiles it, starts the in-memory petstore on 127.0.0.1 and shows
// what sets sdkwright apart: create() vs put(), a PUT retried through a transient 503, and a
// failed POST that is sent exactly once.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startPetstoreServer } from "../support/petstore-server.mjs";
import { compile, repoRoot, runCli } from "../support/sdk-build.mjs";

const dir = path.join(repoRoot, "examples/petstore");
mkdirSync(dir, { recursive: true });
const spec = path.join(repoRoot, "fixtures/petstore/openapi.yaml");
const generated = runCli(["generate", spec, "--out", path.join(dir, "sdk")]);
process.stdout.write(`$ sdkwright generate fixtures/petstore/openapi.yaml --out examples/petstore/sdk\n${generated.stdout}${generated.stderr}`);
if (generated.code !== 0) process.exit(1);
const tsc = compile(dir);
if (tsc.code !== 0) {
  process.stderr.write(tsc.output);
  process.exit(1);
}

const { createClient, ConnectionError } = await import(pathToFileURL(path.join(dir, "js/sdk/index.js")).href);
const server = await startPetstoreServer();
const api = createClient({ baseUrl: server.baseUrl, retry: { initialDelayMs: 50 } });
const seen = () => server.requests.splice(0).map((r) => `${r.method} ${r.url}`).join(", ");
const show = (label, value) => console.log(`\n${label}\n  ${value}`);

try {
  const { data: rex, location } = await api.pets.create({ name: "Rex", species: "dog" }).withResponse();
  show("api.pets.create(body)  POST on the collection; the server picks the URI", `→ ${JSON.stringify(rex)}, Location: ${location}  [${seen()}]`);

  const first = await api.pets.put("luna", { name: "Luna", species: "cat" }).withResponse();
  const again = await api.pets.put("luna", { name: "Luna", species: "cat" }).withResponse();
  show(
    "api.pets.put(id, body)  PUT on an item; the client picks the URI, and N identical PUTs = one",
    `→ ${first.status} Created, then ${again.status} OK; the store holds ${server.pets.size} pets  [${seen()}]`,
  );

  server.inject({ method: "PUT", path: "/v1/pets/luna", kind: "status", status: 503, headers: { "retry-after": "0" } });
  const retried = await api.pets.put("luna", { name: "Luna", species: "cat", age: 2 }).withResponse();
  show("PUT after a transient 503  idempotent, so retried", `→ ${retried.status} after ${retried.attempts} attempts  [${seen()}]`);

  server.inject({ method: "POST", path: "/v1/pets", kind: "reset" });
  try {
    await api.pets.create({ name: "Kit", species: "cat" });
  } catch (error) {
    show(
      "POST after a connection reset  not idempotent, so sent exactly once",
      `→ ${error.name} (a ConnectionError: ${error instanceof ConnectionError}, requestSent: ${error.requestSent}): ${error.message}  [${seen()}]`,
    );
  }

  server.inject({ method: "POST", path: "/v1/orders", kind: "status", status: 503, headers: { "retry-after": "0" } });
  const order = await api.orders.create({ petIds: [rex.id] }).withResponse();
  const keys = server.requests.map((r) => r.headers["idempotency-key"]);
  show(
    "api.orders.create(body)  POST with a declared Idempotency-Key: retried with one key",
    `→ ${JSON.stringify(order.data)} after ${order.attempts} attempts, key ${keys[0]} sent ${keys.filter((k) => k === keys[0]).length}× ; orders stored: ${server.ordersByKey.size}  [${seen()}]`,
  );
} finally {
  await server.close();
}
