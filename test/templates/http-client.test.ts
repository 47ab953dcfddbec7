import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { ApiPromise } from "../../templates/api-promise.js";
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  RequestBuildError,
  SdkError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../templates/errors.js";
import { createHttpClient, type ClientConfig, type Endpoint, type Timers } from "../../templates/http-client.js";
import { BASE, NOW, recordNock, rejection } from "../support/nock-recorder.js";

const network = recordNock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const GET_PET: Endpoint = { method: "GET", path: "/pets/1", retrySafe: true };
const PUT_PET: Endpoint = { method: "PUT", path: "/pets/1", retrySafe: true, bodyFormat: "json" };
const CREATE_PET: Endpoint = { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json" };
const CREATE_PET_IDEMPOTENT: Endpoint = { method: "POST", path: "/pets", retrySafe: true, idempotencyHeader: "Idempotency-Key", bodyFormat: "json" };
const DELETE_PET: Endpoint = { method: "DELETE", path: "/pets/1", retrySafe: true };




/** A client whose clock, randomness and sleep are fake: no test waits for backoff. */
function harness(config: Partial<ClientConfig> = {}, timers: Partial<Timers> = {}) {
  const delays: number[] = [];
  const sleep = vi.fn(async (ms: number, signal: AbortSignal | undefined) => {
    delays.push(ms);
    signal?.throwIfAborted();
  });
  const client = createHttpClient({ baseUrl: BASE, timers: { sleep, random: () => 0.5, now: () => NOW, ...timers }, ...config });
  return { client, delays, sleep };
}






describe("retrying idempotent requests", () => {
  it("(a) PUT survives a connection reset and a 503, sending identical bytes three times", async () => {
    const scope = network.api()
      .put("/pets/1").replyWithError({ code: "ECONNRESET", message: "socket hang up" })
      .put("/pets/1").reply(503, "busy")
      .put("/pets/1").reply(200, { id: 1, name: "Rex" }, { "content-type": "application/json", etag: '"v2"' });
    const { client, delays } = harness();

    const result = await client.request<{ id: number; name: string }>(PUT_PET, {}, { name: "Rex", note: "ünïcødé" }).withResponse();

    expect(result.data).toEqual({ id: 1, name: "Rex" });
    expect(result.status).toBe(200);
    expect(result.attempts).toBe(3);
    expect(result.etag).toBe('"v2"');
    expect(result.idempotencyKey).toBeUndefined();
    expect(scope.isDone()).toBe(true);
    expect(network.seen).toHaveLength(3);
    expect(network.seen.map((r) => r.method)).toEqual(["PUT", "PUT", "PUT"]);
    expect(new Set(network.seen.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(network.seen[0]!.body)).toEqual({ name: "Rex", note: "ünïcødé" });
    expect(network.seen.every((r) => r.headers["content-type"] === "application/json")).toBe(true);
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(delays).toEqual([250, 500]);
  });

  it("(f) GET is attempted maxRetries + 1 times, then throws InternalServerError with attempts 3", async () => {
    const scope = network.api().get("/pets/1").times(3).reply(500, { error: "boom" }, { "content-type": "application/json" });
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client, delays } = harness();

    const error = await rejection(client.request(GET_PET));

    expect(error).toBeInstanceOf(InternalServerError);
    const e = error as InternalServerError;
    expect(e.status).toBe(500);
    expect(e.attempts).toBe(3);
    expect(e.body).toEqual({ error: "boom" });
    expect(e.method).toBe("GET");
    expect(e.url).toBe(`${BASE}/pets/1`);
    expect(e.message).not.toMatch(/not idempotent/);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
    expect(network.seen).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it.each([408, 429, 500, 502, 503, 504])("retries a GET after HTTP %i", async (status) => {
    network.api().get("/pets/1").reply(status, "").get("/pets/1").reply(200, { id: 1 }, { "content-type": "application/json" });
    const { client } = harness();
    const result = await client.request(GET_PET).withResponse();
    expect(result.attempts).toBe(2);
    expect(result.data).toEqual({ id: 1 });
    expect(network.seen).toHaveLength(2);
  });

  it("retries a DELETE after a connection reset, then reports ConnectionError with attempts 3", async () => {
    network.api().delete("/pets/1").times(3).replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const { client, delays } = harness();
    const error = await rejection(client.request(DELETE_PET));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(3);
    expect((error as ConnectionError).message).toMatch(/ECONNRESET/);
    expect(network.seen).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it("honours a larger maxRetries from the client and the call", async () => {
    network.api().get("/pets/1").times(5).reply(503, "").get("/pets/1").reply(200, "ok", { "content-type": "text/plain" });
    const { client, delays } = harness({ retry: { maxRetries: 1, initialDelayMs: 100, maxDelayMs: 1_000 } }, { random: () => 0.999 });
    const result = await client.request(GET_PET, { retry: { maxRetries: 5 } }).withResponse();
    expect(result.attempts).toBe(6);
    expect(result.data).toBe("ok");
    // 100, 200, 400, 800, then capped at 1000; floor(0.999 * bound).
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });

  it("a retry option given as undefined keeps the default instead of retrying forever", async () => {
    const scope = network.api().get("/pets/1").times(3).reply(503, "");
    const spare = network.api().get("/pets/1").times(10).reply(503, "");
    const { client } = harness({ retry: { maxRetries: undefined } });
    const error = await rejection(client.request(GET_PET));
    expect((error as ApiError).attempts).toBe(3);
    expect(scope.isDone()).toBe(true);
    expect(spare.isDone()).toBe(false);
  });
});

describe("writes that are not idempotent", () => {
  it("(b) POST hit by a connection reset is sent once and says why it was not retried", async () => {
    network.api().post("/pets").replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const spare = network.api().post("/pets").reply(201, {});
    const { client, sleep } = harness();

    const error = await rejection(client.request(CREATE_PET, {}, { name: "Rex" }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(SdkError);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const e = error as OutcomeUnknownError;
    // A reset may come after the server received the request: the outcome is unknown.
    expect(e.name).toBe("OutcomeUnknownError");
    expect(e.requestSent).toBe("unknown");
    expect(e.attempts).toBe(1);
    expect(e.method).toBe("POST");
    expect(e.url).toBe(`${BASE}/pets`);
    expect(e.idempotencyKey).toBeUndefined();
    expect(e.message).toMatch(/ECONNRESET/);
    expect(e.message).toMatch(/may have reached the server/);
    expect(e.message).toMatch(/not retried because POST is not idempotent/);
    expect(e.cause).toBeDefined();
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
    expect(network.seen[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("POST answered 503 is not retried and the error says so", async () => {
    network.api().post("/pets").reply(503, { error: "overloaded" }, { "content-type": "application/json" });
    const spare = network.api().post("/pets").reply(201, {});
    const { client, sleep } = harness();
    const error = await rejection(client.request(CREATE_PET, {}, { name: "Rex" }));
    expect(error).toBeInstanceOf(InternalServerError);
    const e = error as InternalServerError;
    expect(e.status).toBe(503);
    expect(e.attempts).toBe(1);
    expect(e.body).toEqual({ error: "overloaded" });
    expect(e.message).toMatch(/not retried because POST is not idempotent/);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("PATCH answered 429 is not retried", async () => {
    network.api().patch("/pets/1").reply(429, "", { "retry-after": "1" });
    const spare = network.api().patch("/pets/1").reply(200, {});
    const { client } = harness();
    const error = await rejection(client.request({ method: "PATCH", path: "/pets/1", retrySafe: false, bodyFormat: "json" }, {}, { a: 1 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toMatch(/not retried because PATCH is not idempotent/);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });

  it("a POST error that is not transient carries no retry note", async () => {
    network.api().post("/pets").reply(422, { field: "name" }, { "content-type": "application/json" });
    const { client } = harness();
    const error = await rejection(client.request(CREATE_PET, {}, {}));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as ApiError).message).not.toMatch(/not retried/);
  });
});

describe("writes with an idempotency key", () => {
  it("(c) POST with a declared Idempotency-Key: 503 then 201, same generated key on both attempts", async () => {
    const scope = network.api()
      .post("/pets").reply(503, "")
      .post("/pets").reply(201, { id: 7 }, { "content-type": "application/json", location: "/pets/7" });
    const { client, delays } = harness();

    const result = await client.request<{ id: number }>(CREATE_PET_IDEMPOTENT, {}, { name: "Rex" }).withResponse();

    expect(scope.isDone()).toBe(true);
    expect(network.seen).toHaveLength(2);
    const keys = network.seen.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    expect(network.seen[1]!.body).toBe(network.seen[0]!.body);
    expect(result.idempotencyKey).toBe(keys[0]);
    expect(result.status).toBe(201);
    expect(result.attempts).toBe(2);
    expect(result.location).toBe("/pets/7");
    expect(result.data).toEqual({ id: 7 });
    expect(delays).toEqual([250]);
  });

  it("generates a fresh key for each logical call", async () => {
    network.api().post("/pets").times(2).reply(201, {}, { "content-type": "application/json" });
    const { client } = harness();
    const first = await client.request(CREATE_PET_IDEMPOTENT, {}, {}).withResponse();
    const second = await client.request(CREATE_PET_IDEMPOTENT, {}, {}).withResponse();
    expect(first.idempotencyKey).toMatch(UUID);
    expect(second.idempotencyKey).toMatch(UUID);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
    expect(network.seen.map((r) => r.headers["idempotency-key"])).toEqual([first.idempotencyKey, second.idempotencyKey]);
  });

  it("uses a caller-given key under a custom declared header", async () => {
    network.api().post("/pets").replyWithError({ code: "ECONNRESET" }).post("/pets").reply(201, {}, { "content-type": "application/json" });
    const { client } = harness();
    const endpoint: Endpoint = { ...CREATE_PET_IDEMPOTENT, idempotencyHeader: "X-Request-Key" };
    const result = await client.request(endpoint, { idempotencyKey: "order-42" }, {}).withResponse();
    expect(result.idempotencyKey).toBe("order-42");
    expect(network.seen.map((r) => r.headers["x-request-key"])).toEqual(["order-42", "order-42"]);
    expect(network.seen.every((r) => r.headers["idempotency-key"] === undefined)).toBe(true);
  });

  it("retries a POST without a declared header when the caller gives options.idempotencyKey", async () => {
    network.api().post("/pets").reply(502, "").post("/pets").reply(201, { id: 1 }, { "content-type": "application/json" });
    const { client } = harness();
    const result = await client.request(CREATE_PET, { idempotencyKey: "abc" }, { name: "Rex" }).withResponse();
    expect(result.attempts).toBe(2);
    expect(result.idempotencyKey).toBe("abc");
    expect(network.seen.map((r) => r.headers["idempotency-key"])).toEqual(["abc", "abc"]);
  });

  it("a keyed POST that keeps failing reports the key and the attempts", async () => {
    network.api().post("/pets").times(3).reply(503, "");
    const { client } = harness();
    const error = await rejection(client.request(CREATE_PET_IDEMPOTENT, {}, {}));
    expect(error).toBeInstanceOf(InternalServerError);
    const e = error as InternalServerError;
    expect(e.attempts).toBe(3);
    expect(e.idempotencyKey).toMatch(UUID);
    expect(e.message).not.toMatch(/not idempotent/);
    expect(new Set(network.seen.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([e.idempotencyKey]));
  });
});

describe("Retry-After", () => {
  it("(d) 429 with Retry-After: 1 sleeps exactly 1000 ms, not the jittered backoff", async () => {
    network.api().get("/pets/1").reply(429, "", { "retry-after": "1" }).get("/pets/1").reply(200, { ok: true }, { "content-type": "application/json" });
    const { client, sleep } = harness();
    expect(await client.request(GET_PET)).toEqual({ ok: true });
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]![0]).toBe(1000);
    expect(network.seen).toHaveLength(2);
  });

  it("(d) 429 with Retry-After: 3600 is not retried and throws RateLimitError", async () => {
    network.api().get("/pets/1").reply(429, { error: "slow down" }, { "retry-after": "3600", "content-type": "application/json" });
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client, sleep } = harness();
    const error = await rejection(client.request(GET_PET));
    expect(error).toBeInstanceOf(RateLimitError);
    const e = error as RateLimitError;
    expect(e.status).toBe(429);
    expect(e.attempts).toBe(1);
    expect(e.headers.get("retry-after")).toBe("3600");
    expect(e.body).toEqual({ error: "slow down" });
    expect(sleep).not.toHaveBeenCalled();
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });

  it("honours an HTTP-date Retry-After against the injected clock", async () => {
    network.api()
      .get("/pets/1").reply(503, "", { "retry-after": "Wed, 21 Oct 2015 07:28:05 GMT" })
      .get("/pets/1").reply(204);
    const { client, delays } = harness();
    expect(await client.request(GET_PET)).toBeUndefined();
    expect(delays).toEqual([5_000]);
  });

  it("honours retry-after-ms", async () => {
    network.api().get("/pets/1").reply(503, "", { "retry-after-ms": "1234" }).get("/pets/1").reply(204);
    const { client, delays } = harness();
    await client.request(GET_PET);
    expect(delays).toEqual([1234]);
  });

  it("a Retry-After over a custom maxDelayMs ends retrying", async () => {
    network.api().get("/pets/1").reply(503, "", { "retry-after": "3" });
    const { client, sleep } = harness({ retry: { maxDelayMs: 2_000 } });
    const error = await rejection(client.request(GET_PET));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("ignores a malformed Retry-After and uses the jittered backoff", async () => {
    network.api().get("/pets/1").reply(503, "", { "retry-after": "1.5" }).get("/pets/1").reply(204);
    const { client, delays } = harness();
    await client.request(GET_PET);
    expect(delays).toEqual([250]);
  });
});

describe("(e) non-transient errors", () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [422, UnprocessableEntityError],
    [418, ApiError],
    [501, InternalServerError],
  ])("%i → one request, %o", async (status, ErrorClass) => {
    network.api().put("/pets/1").query({ dryRun: "true" }).reply(status, { code: `E${status}` }, { "content-type": "application/problem+json" });
    const spare = network.api().put("/pets/1").query(true).reply(200, {});
    const { client, sleep } = harness();

    const error = await rejection(client.request(PUT_PET, { query: { dryRun: true } }, { name: "Rex" }));

    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.name).toBe(ErrorClass.name);
    expect(e.status).toBe(status);
    expect(e.body).toEqual({ code: `E${status}` });
    expect(e.method).toBe("PUT");
    expect(e.url).toBe(`${BASE}/pets/1?dryRun=true`);
    expect(e.attempts).toBe(1);
    expect(e.headers.get("content-type")).toBe("application/problem+json");
    expect(e.message).toContain(`PUT ${BASE}/pets/1?dryRun=true failed with HTTP ${status}`);
    expect(e.message).toContain(`E${status}`);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("keeps a non-JSON error body as text", async () => {
    network.api().get("/pets/1").reply(404, "no such pet", { "content-type": "text/plain" });
    const { client } = harness();
    const error = (await rejection(client.request(GET_PET))) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBe("no such pet");
    expect(error.message).toMatch(/HTTP 404: no such pet$/);
  });

  it("keeps a malformed JSON error body as text", async () => {
    network.api().get("/pets/1").reply(409, "{oops", { "content-type": "application/json" });
    const { client } = harness();
    const error = (await rejection(client.request(GET_PET))) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.body).toBe("{oops");
  });
});

describe("(g) turning retries off", () => {
  it("retry: false on the call → one attempt", async () => {
    network.api().get("/pets/1").reply(503, "");
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client, sleep } = harness();
    const error = await rejection(client.request(GET_PET, { retry: false }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ApiError).attempts).toBe(1);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("retry: false on the client → one attempt, also for network errors", async () => {
    network.api().put("/pets/1").replyWithError({ code: "ECONNRESET" });
    const spare = network.api().put("/pets/1").reply(200, {});
    const { client, sleep } = harness({ retry: false });
    const error = await rejection(client.request(PUT_PET, {}, { a: 1 }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).attempts).toBe(1);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("retry: false on the call wins even for a keyed POST", async () => {
    network.api().post("/pets").reply(503, "");
    const { client } = harness();
    const error = await rejection(client.request(CREATE_PET_IDEMPOTENT, { retry: false }, {}));
    expect((error as ApiError).attempts).toBe(1);
    expect(network.seen).toHaveLength(1);
  });

  it("maxRetries: 0 → one attempt", async () => {
    network.api().get("/pets/1").reply(500, "");
    const { client } = harness({ retry: { maxRetries: 0 } });
    const error = await rejection(client.request(GET_PET));
    expect((error as ApiError).attempts).toBe(1);
    expect(network.seen).toHaveLength(1);
  });
});

describe("(h) cancelling with an AbortSignal", () => {
  it("abort during the backoff sleep rejects with the reason and sends nothing more", async () => {
    network.api().get("/pets/1").reply(503, "");
    const spare = network.api().get("/pets/1").reply(200, {});
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const sleep = vi.fn(
      (_ms: number, signal: AbortSignal | undefined) =>
        new Promise<void>((_resolve, reject) => {
          signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
          controller.abort(reason);
        }),
    );
    const client = createHttpClient({ baseUrl: BASE, timers: { sleep, random: () => 0.5, now: () => NOW } });

    const error = await rejection(client.request(GET_PET, { signal: controller.signal }));

    expect(error).toBe(reason);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]![1]).toBe(controller.signal);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });

  it("the built-in sleep stops waiting when the signal aborts", async () => {
    network.api().get("/pets/1").reply(503, "");
    const spare = network.api().get("/pets/1").reply(200, {});
    const controller = new AbortController();
    // Real timers: a 10 s backoff that must be cut short by the abort.
    const client = createHttpClient({ baseUrl: BASE, retry: { initialDelayMs: 10_000, maxDelayMs: 10_000 }, timers: { random: () => 0.999 } });
    const started = Date.now();
    const promise = client.request(GET_PET, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 30);

    const error = await rejection(promise);

    expect((error as Error).message).toBe("stop");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });

  it("a sleep that ignores the signal still leads to no further request", async () => {
    network.api().get("/pets/1").reply(503, "");
    const spare = network.api().get("/pets/1").reply(200, {});
    const controller = new AbortController();
    const client = createHttpClient({
      baseUrl: BASE,
      timers: { sleep: async () => void controller.abort(new Error("late")), random: () => 0.5, now: () => NOW },
    });
    const error = await rejection(client.request(GET_PET, { signal: controller.signal }));
    expect((error as Error).message).toBe("late");
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });

  it("an already-aborted signal sends nothing", async () => {
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client } = harness();
    const reason = new Error("already");
    const error = await rejection(client.request(GET_PET, { signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    expect(network.seen).toHaveLength(0);
    expect(spare.isDone()).toBe(false);
  });
});

describe("(j) responses", () => {
  it("withResponse() exposes status, location, etag, headers and attempts; awaiting gives the JSON", async () => {
    network.api()
      .post("/pets", { name: "Rex" })
      .times(2)
      .reply(201, { id: 7, name: "Rex" }, { "content-type": "application/json", location: "https://api.test/pets/7", etag: 'W/"1"', "x-request-id": "r1" });
    const { client } = harness();

    const promise = client.request<{ id: number; name: string }>(CREATE_PET, {}, { name: "Rex" });
    expect(promise).toBeInstanceOf(ApiPromise);
    const result = await promise.withResponse();
    expect(result.status).toBe(201);
    expect(result.location).toBe("https://api.test/pets/7");
    expect(result.etag).toBe('W/"1"');
    expect(result.attempts).toBe(1);
    expect(result.idempotencyKey).toBeUndefined();
    expect(result.headers.get("x-request-id")).toBe("r1");
    expect(result.response).toBeInstanceOf(Response);
    expect(result.data).toEqual({ id: 7, name: "Rex" });

    const data = await client.request<{ id: number; name: string }>(CREATE_PET, {}, { name: "Rex" });
    expect(data).toEqual({ id: 7, name: "Rex" });
    expect(network.seen).toHaveLength(2);
  });

  it("awaiting and withResponse() on the same promise share one request", async () => {
    network.api().get("/pets/1").reply(200, { id: 1 }, { "content-type": "application/json" });
    const { client } = harness();
    const promise = client.request(GET_PET);
    const [data, full] = await Promise.all([promise, promise.withResponse()]);
    expect(data).toEqual({ id: 1 });
    expect(full.data).toBe(data);
    expect(network.seen).toHaveLength(1);
  });

  it("204 gives undefined; location and etag are undefined when absent", async () => {
    network.api().delete("/pets/1").reply(204);
    const { client } = harness();
    const result = await client.request(DELETE_PET).withResponse();
    expect(result.status).toBe(204);
    expect(result.data).toBeUndefined();
    expect(result.location).toBeUndefined();
    expect(result.etag).toBeUndefined();
    network.api().delete("/pets/1").reply(204);
    expect(await client.request(DELETE_PET)).toBeUndefined();
  });

  it("text and binary bodies are decoded by content type", async () => {
    network.api()
      .get("/pets/1").reply(200, "plain", { "content-type": "text/plain" })
      .get("/pets/1").reply(200, Buffer.from([1, 2, 3]), { "content-type": "application/octet-stream" });
    const { client } = harness();
    expect(await client.request(GET_PET)).toBe("plain");
    const blob = await client.request<Blob>(GET_PET);
    expect(blob).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it("a 200 with malformed JSON rejects with InvalidResponseError and is not retried", async () => {
    network.api().get("/pets/1").reply(200, "{nope", { "content-type": "application/json" });
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client, sleep } = harness();
    await expect(client.request(GET_PET)).rejects.toThrow(InvalidResponseError);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("catch() and finally() behave like a promise", async () => {
    network.api().get("/pets/1").reply(404, "");
    const { client } = harness();
    let finallyRan = false;
    const caught = await client
      .request(GET_PET)
      .finally(() => (finallyRan = true))
      .catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(NotFoundError);
    expect(finallyRan).toBe(true);
  });
});

describe("building the request", () => {
  it("joins the base URL, query and headers; per-call headers win and null removes one", async () => {
    network.api()
      .get("/v1/pets/1")
      .query({ tag: ["a", "b"], limit: "5" })
      .reply(200, {}, { "content-type": "application/json" });
    const client = createHttpClient({
      baseUrl: `${BASE}/v1/`,
      headers: { authorization: "Bearer t", "x-client": "sdk", "x-drop": "me" },
      timers: { sleep: async () => {}, random: () => 0, now: () => NOW },
    });
    await client.request({ method: "GET", path: "/pets/1", retrySafe: true }, {
      query: { tag: ["a", "b"], limit: 5, skip: undefined },
      headers: { "x-client": "override", "x-drop": null, "x-num": 3 },
    });
    expect(network.seen).toHaveLength(1);
    const headers = network.seen[0]!.headers;
    expect(headers.authorization).toBe("Bearer t");
    expect(headers["x-client"]).toBe("override");
    expect(headers["x-drop"]).toBeUndefined();
    expect(headers["x-num"]).toBe("3");
  });

  it("sends the endpoint's content type, and a caller's content-type header wins", async () => {
    network.api().post("/pets").times(2).reply(201, "");
    const { client } = harness();
    await client.request({ ...CREATE_PET, contentType: "application/merge-patch+json" }, {}, { a: 1 });
    await client.request(CREATE_PET, { headers: { "content-type": "application/vnd.custom+json" } }, { a: 1 });
    expect(network.seen.map((r) => r.headers["content-type"])).toEqual(["application/merge-patch+json", "application/vnd.custom+json"]);
    expect(network.seen.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it("sends no body and no content type when the endpoint has none", async () => {
    network.api().get("/pets/1").reply(204);
    const { client } = harness();
    await client.request(GET_PET);
    expect(network.seen[0]!.body).toBe("");
    expect(network.seen[0]!.headers["content-type"]).toBeUndefined();
  });

  it("an invalid header value fails the call at once: a RequestBuildError (never sent) caused by fetch's TypeError, nothing retried", async () => {
    const { client, sleep } = harness();
    const error = await rejection(client.request(GET_PET, { headers: { "x-bad": "a\nb" } }));
    expect(error).toBeInstanceOf(RequestBuildError);
    expect(error).toMatchObject({ requestSent: false });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(network.seen).toHaveLength(0);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("uses a custom fetch when configured", async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(input), init]);
      return new Response('{"ok":1}', { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof fetch;
    const { client } = harness({ fetch: fetchImpl });
    expect(await client.request(PUT_PET, {}, { x: 1 })).toEqual({ ok: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(`${BASE}/pets/1`);
    expect(calls[0]![1]!.method).toBe("PUT");
    expect(calls[0]![1]!.body).toBe('{"x":1}');
    // Every attempt has a signal of its own, so its timeout can close the request (see Attempt).
    expect(calls[0]![1]!.signal).toBeInstanceOf(AbortSignal);
  });

  it("describes a custom fetch's plain rejection readably", async () => {
    const fetchImpl = (async () => {
      throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });
    }) as typeof fetch;
    const { client } = harness({ fetch: fetchImpl });
    const error = (await rejection(client.request(CREATE_PET, {}, {}))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain("ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)");
    expect(error.message).toMatch(/not retried because POST is not idempotent/);
  });
});

describe("attempt signals, without and with a caller's signal", () => {
  it("without one, the timeout aborts the attempt's own signal, so a hung request is closed, not left open", async () => {
    let signal: AbortSignal | undefined;
    const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      signal = init!.signal!;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const client = createHttpClient({ baseUrl: BASE, fetch: fetchImpl, retry: false, timeoutMs: 20 });
    const error = (await rejection(client.request(GET_PET))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.reason).toBe("attempt");
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal!.aborted).toBe(true);
  });

  it("a response a fetch hands over after the timeout anyway has its body cancelled unread", async () => {
    let cancelled = false;
    let answer: ((response: Response) => void) | undefined;
    // This fetch ignores its signal, as a minimal polyfill might.
    const fetchImpl = (async () => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch;
    const client = createHttpClient({ baseUrl: BASE, fetch: fetchImpl, retry: false, timeoutMs: 20 });
    expect(await rejection(client.request(GET_PET))).toBeInstanceOf(TimeoutError);
    answer!(new Response(new ReadableStream({ cancel: () => void (cancelled = true) }), { status: 200 }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled).toBe(true);
  });

  it("with one, fetch gets the attempt's own signal, which the timeout aborts", async () => {
    let signal: AbortSignal | undefined;
    const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      signal = init!.signal!;
      return new Promise<Response>(() => undefined);
    }) as typeof fetch;
    const caller = new AbortController();
    const client = createHttpClient({ baseUrl: BASE, fetch: fetchImpl, retry: false, timeoutMs: 20 });
    const error = await rejection(client.request(GET_PET, { signal: caller.signal }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(signal).not.toBe(caller.signal);
    expect(signal!.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });
});

describe("built-in timers", () => {
  it("the real sleep waits roughly the backoff and leaves no abort listener behind on the caller's signal", async () => {
    network.api().get("/pets/1").times(2).reply(503, "").get("/pets/1").reply(204);
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, "addEventListener");
    const removed = vi.spyOn(controller.signal, "removeEventListener");
    const client = createHttpClient({ baseUrl: BASE, retry: { initialDelayMs: 20, maxDelayMs: 20 }, timers: { random: () => 0.999 } });
    const started = Date.now();

    const result = await client.request(GET_PET, { signal: controller.signal }).withResponse();

    expect(result.attempts).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
    const abortAdds = added.mock.calls.filter(([type]) => type === "abort").length;
    const abortRemoves = removed.mock.calls.filter(([type]) => type === "abort").length;
    expect(abortAdds).toBeGreaterThan(0);
    expect(abortRemoves).toBe(abortAdds);
  });
});
