// The behaviour checks every runtime runs on a generated SDK (test/runtimes/openapi.yaml) against
// the loopback API of server.mjs. Plain JavaScript, no imports: Node, Deno, Bun, a browser page
// and a workerd worker all load it as it is. Each runner imports the SDK its runtime can run and
// hands it over; the test (runtimes.test.ts) asserts on the report returned.

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * @param sdk the generated SDK's module namespace
 * @param target `{ api, keepAliveApi, refusedUrl }`: base URLs of the API (a fresh connection per
 *   request), of the same API on keep-alive connections, and of a port nothing listens on
 */
export async function runChecks(sdk, target) {
  const results = [];
  let sequence = 0;
  /** A client whose calls carry the check's name, so the server's log can be read per check. */
  const client = (name, config = {}) =>
    sdk.createClient({ baseUrl: `${target.api}/v1`, headers: { "x-check": name }, retry: { initialDelayMs: 20, maxDelayMs: 200 }, ...config });
  const seen = async (name) => (await fetch(`${target.api}/_log?check=${encodeURIComponent(name)}`)).json();
  const unique = (prefix) => `${prefix}${Date.now().toString(36)}${sequence++}`;

  async function check(name, run) {
    try {
      const detail = await run(client(name), () => seen(name));
      results.push({ name, ok: true, ...(detail === undefined ? {} : { detail }) });
    } catch (error) {
      results.push({ name, ok: false, error: `${error?.name}: ${error?.message}\n${error?.stack ?? ""}` });
    }
  }

  await check("create, put, list, get, delete", async (api) => {
    const created = await api.pets.create({ name: "Rex" });
    equal(created.name, "Rex");
    const replaced = await api.pets.put(created.id, { name: "Max" }).withResponse();
    equal(replaced.status, 200);
    assert((await api.pets.list()).some((pet) => pet.id === created.id && pet.name === "Max"), "list shows the replaced pet");
    equal((await api.pets.get(created.id)).name, "Max");
    equal((await api.pets.delete(created.id).withResponse()).status, 204);
    const gone = await rejection(api.pets.get(created.id));
    assert(gone instanceof sdk.NotFoundError, `NotFoundError after delete, got ${gone?.name}`);
  });

  await check("withResponse() reads Location, id and ETag", async (api) => {
    const result = await api.pets.create({ name: "Bella" }).withResponse();
    equal(result.status, 201);
    equal(result.created, true);
    assert(/^\/v1\/pets\/p\d+$/.test(result.location ?? ""), `location ${result.location}`);
    equal(result.id, result.data.id);
    equal(result.etag, '"v1"');
  });

  await check("PUT is retried after a 503", async (api, log) => {
    const result = await api.pets.put(unique("503-"), { name: "Rex" }).withResponse();
    equal(result.attempts, 2);
    equal((await log()).filter((r) => r.method === "PUT").length, 2);
  });

  await check("PUT is retried after a reset on a fresh connection", async (api, log) => {
    const result = await api.pets.put(unique("reset-"), { name: "Rex" }).withResponse();
    equal(result.attempts, 2);
    const puts = (await log()).filter((r) => r.method === "PUT");
    equal(puts.length, 2);
    assert(puts.every((r) => !r.reused), "each attempt on a fresh connection");
  });

  await check("POST is sent once: a reset is OutcomeUnknownError, not retried", async (api, log) => {
    const error = await rejection(api.pets.create({ name: "reset" }));
    assert(error instanceof sdk.OutcomeUnknownError, `OutcomeUnknownError, got ${error?.name}: ${error?.message}`);
    equal(error.requestSent, "unknown");
    equal(error.attempts, 1);
    assert(/not retried because POST is not idempotent/.test(error.message), error.message);
    equal((await log()).filter((r) => r.method === "POST").length, 1);
  });

  await check("a POST with a declared Idempotency-Key is retried with one key", async (api, log) => {
    const result = await api.orders.create({ petIds: ["503", "p1"] }).withResponse();
    equal(result.attempts, 2);
    assert(UUID_V4.test(result.idempotencyKey ?? ""), `a UUID v4 key, got ${result.idempotencyKey}`);
    equal((await log()).map((r) => r.key).join(), `${result.idempotencyKey},${result.idempotencyKey}`);
  });

  await check("a per-attempt timeout ends a stalled request with TimeoutError", async (api) => {
    const started = Date.now();
    const error = await rejection(api.pets.get("slow-3000", { timeoutMs: 300, retry: false }));
    assert(error instanceof sdk.TimeoutError, `TimeoutError, got ${error?.name}: ${error?.message}`);
    assert(Date.now() - started < 2_500, `ended after ${Date.now() - started} ms`);
  });

  await check("an AbortSignal ends the call with its reason", async (api) => {
    const controller = new AbortController();
    const reason = new Error("stopped by the caller");
    setTimeout(() => controller.abort(reason), 100);
    const error = await rejection(api.pets.get("slow-3000", { signal: controller.signal }));
    assert(error === reason, `the signal's reason, got ${error?.name}: ${error?.message}`);
  });

  await check("multipart/form-data with a file", async (api) => {
    const file = new File(["hello runtime"], "hello.txt", { type: "text/plain" });
    const received = await api.uploads.create({ file, note: "from the checks" });
    equal(JSON.stringify(received), JSON.stringify({ fileName: "hello.txt", size: 13, text: "hello runtime", note: "from the checks" }));
  });

  await check("an event stream yields each event", async (api) => {
    const events = [];
    for await (const event of await api.pets.events.get("p1")) events.push(`${event.event}#${event.id}:${event.data}`);
    equal(events.join(" "), 'visit#1:{"n":1} visit#2:{"n":2} visit#3:{"n":3}');
  });

  // Measured, not judged: the test compares these with what each runtime is known to do.
  const refused = await rejection(sdk.createClient({ baseUrl: target.refusedUrl, retry: false }).pets.create({ name: "Rex" }));
  const replay = await measureReplay(sdk, target.keepAliveApi);
  const secureContext = typeof isSecureContext === "boolean" ? isSecureContext : undefined;
  return {
    results,
    refused: { name: refused?.name, requestSent: refused?.requestSent, message: refused?.message },
    replay,
    secureContext,
  };
}

/**
 * A POST whose reused keep-alive connection is reset by the server before any answer: the SDK
 * sends it once; whether the platform's HTTP stack sends it again is what this measures.
 */
async function measureReplay(sdk, keepAliveApi) {
  const api = sdk.createClient({ baseUrl: `${keepAliveApi}/v1`, headers: { "x-check": "replay" } });
  await api.pets.list(); // opens the keep-alive connection the POST will reuse
  // A moment for the connection to go back to the pool, idle: when servers close idle connections,
  // this is the request that races the close.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const outcome = await api.pets.create({ name: "replay" }).withResponse().then(
    (result) => ({ ok: true, attempts: result.attempts }),
    (error) => ({ ok: false, error: error?.name, attempts: error?.attempts }),
  );
  const log = await (await fetch(`${keepAliveApi}/_log?check=replay`)).json();
  const posts = log.filter((r) => r.method === "POST");
  // `onReusedConnection` says the measurement happened: the first POST did go out on the warm connection.
  return { ...outcome, serverReceived: posts.length, onReusedConnection: posts[0]?.reused === true };
}

function rejection(promise) {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error) => error,
  );
}

function equal(actual, expected) {
  if (actual !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}
