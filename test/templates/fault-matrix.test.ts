/**
 * The retry policy as a table: every method kind × every fault, each served once (then a success)
 * and persistently. For each row: how many requests reached the (nock) server, the idempotency key
 * on each, the backoff delays chosen, and the error class or the successful retry.
 * Then the cases a table does not capture: deadlines, aborts, conditional writes and hooks.
 */
import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  OutcomeUnknownError,
  PreconditionFailedError,
  RateLimitError,
  TimeoutError,
} from "../../templates/errors.js";
import type { ClientConfig, Endpoint, RequestHookInfo, ResponseHookInfo, RetryHookInfo, Timers } from "../../templates/config.js";
import { createHttpClient } from "../../templates/http-client.js";
import * as runtime from "../../templates/index.js";
import { BASE, NOW, recordNock, rejection } from "../support/nock-recorder.js";

const network = recordNock();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Per-attempt timeout for the timeout rows; nock holds those replies far longer. */
const ATTEMPT_TIMEOUT_MS = 250;




/** Fake clock: `sleep` advances `now` instead of waiting, so deadlines are testable without delay. */
function harness(config: Partial<ClientConfig> = {}, timers: Partial<Timers> = {}) {
  const clock = { now: NOW };
  const delays: number[] = [];
  const retries: RetryHookInfo[] = [];
  const sleep = vi.fn(async (ms: number, signal: AbortSignal | undefined) => {
    delays.push(ms);
    clock.now += ms;
    signal?.throwIfAborted();
  });
  const client = createHttpClient({
    baseUrl: BASE,
    timers: { sleep, random: () => 0.5, now: () => clock.now, ...timers },
    onRetry: (info) => void retries.push(info),
    ...config,
  });
  return { client, clock, delays, retries, sleep };
}






// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

interface MethodKind {
  label: string;
  endpoint: Endpoint;
  /** Retried on transient failures: idempotent, or keyed. */
  retries: boolean;
  keyed: boolean;
  body: unknown;
  success: { status: number; body?: unknown };
}

const METHODS: MethodKind[] = [
  { label: "GET", endpoint: { method: "GET", path: "/pets/1", retrySafe: true }, retries: true, keyed: false, body: undefined, success: { status: 200, body: { id: 1 } } },
  { label: "PUT", endpoint: { method: "PUT", path: "/pets/1", retrySafe: true, bodyFormat: "json" }, retries: true, keyed: false, body: { name: "Rex", note: "ünïcødé" }, success: { status: 200, body: { id: 1 } } },
  { label: "DELETE", endpoint: { method: "DELETE", path: "/pets/1", retrySafe: true }, retries: true, keyed: false, body: undefined, success: { status: 204 } },
  { label: "POST", endpoint: { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json" }, retries: false, keyed: false, body: { name: "Rex" }, success: { status: 201, body: { id: 7 } } },
  { label: "PATCH", endpoint: { method: "PATCH", path: "/pets/1", retrySafe: false, bodyFormat: "json", contentType: "application/merge-patch+json" }, retries: false, keyed: false, body: { name: "Max" }, success: { status: 200, body: { id: 1 } } },
  {
    label: "POST+key",
    endpoint: { method: "POST", path: "/pets", retrySafe: true, idempotencyHeader: "Idempotency-Key", bodyFormat: "json" },
    retries: true,
    keyed: true,
    body: { name: "Rex" },
    success: { status: 201, body: { id: 7 } },
  },
];

interface Fault {
  label: string;
  /** Serves this fault `times` times on the given interceptor. */
  serve(interceptor: nock.Interceptor, times: number): void;
  transient: boolean;
  errorClass: typeof ConnectionError | typeof ApiError;
  /** Backoff before the 2nd and 3rd attempt with random() = 0.5 and the default policy. */
  delays: [number, number];
  requestSent?: false | "unknown";
}

const status = (code: number, errorClass: typeof ApiError, transient: boolean, headers: Record<string, string> = {}): Fault => ({
  label: `HTTP ${code}`,
  serve: (i, times) => void i.times(times).reply(code, { error: `E${code}` }, { "content-type": "application/json", ...headers }),
  transient,
  errorClass,
  delays: [250, 500],
});

const FAULTS: Fault[] = [
  {
    label: "connection reset",
    serve: (i, times) => void i.times(times).replyWithError({ code: "ECONNRESET", message: "socket hang up" }),
    transient: true,
    errorClass: OutcomeUnknownError,
    delays: [250, 500],
    requestSent: "unknown",
  },
  {
    label: "connection refused",
    serve: (i, times) => void i.times(times).replyWithError({ code: "ECONNREFUSED", message: "connect ECONNREFUSED 10.0.0.1:80" }),
    transient: true,
    errorClass: ConnectionError,
    delays: [250, 500],
    requestSent: false,
  },
  {
    label: "per-attempt timeout",
    serve: (i, times) => void i.times(times).delay(2_000).reply(200, {}),
    transient: true,
    errorClass: TimeoutError,
    delays: [250, 500],
    requestSent: "unknown",
  },
  status(408, ApiError, true),
  { ...status(429, RateLimitError, true, { "retry-after": "1" }), delays: [1_000, 1_000] },
  status(500, InternalServerError, true),
  status(503, InternalServerError, true),
  status(400, BadRequestError, false),
  status(409, ConflictError, false),
  status(412, PreconditionFailedError, false),
];

interface Row {
  name: string;
  method: MethodKind;
  fault: Fault;
  mode: "once" | "always";
  requests: number;
  delays: number[];
  /** undefined: the call succeeds on a retry. */
  errorClass: Fault["errorClass"] | undefined;
}

const MATRIX: Row[] = METHODS.flatMap((method) =>
  FAULTS.flatMap((fault) =>
    (["once", "always"] as const).map((mode): Row => {
      const retried = method.retries && fault.transient;
      const requests = !retried ? 1 : mode === "once" ? 2 : 3;
      return {
        name: `${method.label} × ${fault.label} (${mode}) → ${requests} request(s), ${retried && mode === "once" ? "success" : fault.errorClass.name}`,
        method,
        fault,
        mode,
        requests,
        delays: fault.delays.slice(0, requests - 1),
        errorClass: retried && mode === "once" ? undefined : fault.errorClass,
      };
    }),
  ),
);

describe("fault matrix", () => {
  it("covers 6 method kinds × 10 faults × 2 modes", () => {
    expect(MATRIX).toHaveLength(120);
  });

  it.each(MATRIX.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const { method, fault } = row;
    const { endpoint } = method;
    const scope = network.api();
    fault.serve(scope.intercept(endpoint.path, endpoint.method), row.mode === "once" ? 1 : 3);
    const json: Record<string, string> = method.success.body === undefined ? {} : { "content-type": "application/json" };
    const spare = network.api().intercept(endpoint.path, endpoint.method).reply(method.success.status, method.success.body as nock.Body, json);
    const { client, delays, retries } = harness();

    // Only the timeout fault needs a short per-attempt timeout; elsewhere a short one would turn a
    // slow machine into spurious timeouts (and extra attempts).
    const timeoutMs = fault.label === "per-attempt timeout" ? ATTEMPT_TIMEOUT_MS : 10_000;
    const promise = client.request(endpoint, { timeoutMs }, method.body).withResponse();

    let keyReported: string | undefined;
    if (row.errorClass === undefined) {
      const result = await promise;
      expect(result.attempts).toBe(row.requests);
      expect(result.status).toBe(method.success.status);
      expect(result.data).toEqual(method.success.body);
      expect(spare.isDone()).toBe(true);
      keyReported = result.idempotencyKey;
    } else {
      const error = await rejection(promise);
      expect(error).toBeInstanceOf(row.errorClass);
      expect((error as Error).name).toBe(row.errorClass.name);
      const e = error as ConnectionError | ApiError;
      expect(e.attempts).toBe(row.requests);
      expect(e.method).toBe(endpoint.method);
      if (e instanceof ConnectionError) {
        expect(e.requestSent).toBe(fault.requestSent);
        expect(e.message).toMatch(fault.requestSent === false ? /never sent/ : /may have (reached the server|processed it)/);
      }
      if (!method.retries && fault.transient) expect(e.message).toMatch(new RegExp(`not retried because ${endpoint.method} is not idempotent`));
      else expect(e.message).not.toMatch(/not idempotent/);
      expect(spare.isDone()).toBe(false);
      keyReported = e.idempotencyKey;
    }

    // What the server saw.
    expect(network.seen).toHaveLength(row.requests);
    expect(network.seen.every((r) => r.method === endpoint.method && r.path === endpoint.path)).toBe(true);
    const keys = network.seen.map((r) => r.headers["idempotency-key"]);
    if (method.keyed) {
      expect(keys[0]).toMatch(UUID);
      expect(new Set(keys).size).toBe(1);
      expect(keyReported).toBe(keys[0]);
    } else {
      expect(keys.every((k) => k === undefined)).toBe(true);
      expect(keyReported).toBeUndefined();
    }
    if (method.body !== undefined) {
      expect(new Set(network.seen.map((r) => r.body)).size).toBe(1);
      expect(JSON.parse(network.seen[0]!.body)).toEqual(method.body);
    } else {
      expect(network.seen.every((r) => r.body === "")).toBe(true);
    }

    // The backoff chosen, as slept and as reported to onRetry.
    expect(delays).toEqual(row.delays);
    expect(retries.map((r) => r.delayMs)).toEqual(row.delays);
    expect(retries.map((r) => r.attempt)).toEqual(row.delays.map((_, i) => i + 1));
  });
});

// ---------------------------------------------------------------------------------------------
// Beyond the table
// ---------------------------------------------------------------------------------------------

const GET_PET: Endpoint = { method: "GET", path: "/pets/1", retrySafe: true };
const PUT_PET: Endpoint = { method: "PUT", path: "/pets/1", retrySafe: true, bodyFormat: "json" };
const CREATE_PET: Endpoint = { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json" };
const CREATE_PET_KEYED: Endpoint = { method: "POST", path: "/pets", retrySafe: true, idempotencyHeader: "Idempotency-Key", bodyFormat: "json" };

describe("classifying fetch failures", () => {
  const failingFetch = (error: unknown) => (async () => Promise.reject(error)) as unknown as typeof fetch;

  it.each([
    ["undici ECONNREFUSED under cause", new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }), false],
    ["ENOTFOUND nested two levels deep", new TypeError("fetch failed", { cause: new Error("wrapped", { cause: { code: "ENOTFOUND", message: "getaddrinfo ENOTFOUND api.test" } }) }), false],
    ["EAI_AGAIN", Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }), false],
    ["UND_ERR_CONNECT_TIMEOUT", new TypeError("fetch failed", { cause: Object.assign(new Error("Connect Timeout Error"), { code: "UND_ERR_CONNECT_TIMEOUT" }) }), false],
    ["AggregateError of refusals (several addresses)", new TypeError("fetch failed", { cause: new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" }), Object.assign(new Error("b"), { code: "ECONNREFUSED" })]) }), false],
    ["UND_ERR_SOCKET", new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }), "unknown"],
    ["ECONNRESET", new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }), "unknown"],
    ["an error without a code", new TypeError("fetch failed"), "unknown"],
  ] as const)("%s → requestSent %s", async (_label, cause, requestSent) => {
    const { client, sleep } = harness({ fetch: failingFetch(cause) });
    const error = (await rejection(client.request(CREATE_PET, {}, { a: 1 }))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.requestSent).toBe(requestSent);
    expect(error instanceof OutcomeUnknownError).toBe(requestSent !== false);
    expect(error.cause).toBe(cause);
    expect(error.attempts).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(error.message).toMatch(requestSent === false ? /was never sent/ : /may have reached the server/);
    expect(error.message).toMatch(/not retried because POST is not idempotent/);
  });

  it("TimeoutError is an OutcomeUnknownError and a ConnectionError", () => {
    const error = new TimeoutError("t", { method: "GET", url: "u", attempts: 1, idempotencyKey: undefined });
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.requestSent).toBe("unknown");
    expect(error.reason).toBe("attempt");
  });
});

describe("overall deadline", () => {
  it("a backoff that would overrun the deadline ends retrying with the last error", async () => {
    network.api().get("/pets/1").times(2).reply(503, { error: "busy" }, { "content-type": "application/json" });
    const spare = network.api().get("/pets/1").reply(200, {});
    // Backoff 250 ms (clock → +250), then 500 ms would end at +750 ≥ 600.
    const { client, delays } = harness();
    const error = (await rejection(client.request(GET_PET, { deadlineMs: 600 }))) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.attempts).toBe(2);
    expect(error.body).toEqual({ error: "busy" });
    expect(error.message).toMatch(/600 ms deadline/);
    expect(delays).toEqual([250]);
    expect(network.seen).toHaveLength(2);
    expect(spare.isDone()).toBe(false);
  });

  it("a Retry-After longer than the time left is not waited for (client-level deadline)", async () => {
    network.api().put("/pets/1").reply(429, "", { "retry-after": "2" });
    const spare = network.api().put("/pets/1").reply(200, {});
    const { client, sleep } = harness({ deadlineMs: 1_500 });
    const error = (await rejection(client.request(PUT_PET, {}, { a: 1 }))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.attempts).toBe(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(spare.isDone()).toBe(false);
  });

  it("the call's deadlineMs wins over the client's", async () => {
    network.api().get("/pets/1").reply(503, "").get("/pets/1").reply(200, { ok: 1 }, { "content-type": "application/json" });
    const { client, delays } = harness({ deadlineMs: 100 });
    const result = await client.request(GET_PET, { deadlineMs: 10_000 }).withResponse();
    expect(result.attempts).toBe(2);
    expect(delays).toEqual([250]);
  });

  it("a connection error whose backoff would overrun the deadline is thrown as is", async () => {
    network.api().post("/pets").times(3).replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    const { client, delays } = harness();
    const error = (await rejection(client.request(CREATE_PET_KEYED, { deadlineMs: 200 }, { a: 1 }))) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/200 ms deadline/);
    expect(delays).toEqual([]);
    expect(network.seen).toHaveLength(1);
  });

  it("when the deadline passes mid-attempt, the attempt is aborted with a deadline TimeoutError", async () => {
    // First attempt 503; backoff 900 ms of fake time leaves 50 ms of the 950 ms deadline for attempt 2,
    // whose reply nock holds back for 2 s.
    network.api().get("/pets/1").reply(503, "").get("/pets/1").delay(2_000).reply(200, {});
    const spare = network.api().get("/pets/1").reply(200, {});
    const { client, delays } = harness({ retry: { initialDelayMs: 1_800 } });
    const started = Date.now();
    const error = (await rejection(client.request(GET_PET, { deadlineMs: 950, timeoutMs: 10_000 }))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.reason).toBe("deadline");
    expect(error.attempts).toBe(2);
    expect(error.requestSent).toBe("unknown");
    expect(error.message).toMatch(/hit its 950 ms deadline \(attempt 2\)/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(delays).toEqual([900]);
    expect(network.seen).toHaveLength(2);
    expect(spare.isDone()).toBe(false);
  });

  it("a per-attempt timeout shorter than the time left is still reported as the attempt's", async () => {
    network.api().get("/pets/1").times(3).delay(2_000).reply(200, {});
    const { client } = harness();
    const error = (await rejection(client.request(GET_PET, { deadlineMs: 60_000, timeoutMs: 20 }))) as TimeoutError;
    expect(error.reason).toBe("attempt");
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/timed out after 20 ms/);
  });
});

describe("aborting during the backoff", () => {
  it("a keyed POST aborted while waiting to retry rejects with the reason and sends nothing more", async () => {
    network.api().post("/pets").reply(503, "");
    const spare = network.api().post("/pets").reply(201, {});
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
    const error = await rejection(client.request(CREATE_PET_KEYED, { signal: controller.signal }, { a: 1 }));
    expect(error).toBe(reason);
    expect(sleep).toHaveBeenCalledTimes(1);
    expect(sleep.mock.calls[0]![0]).toBe(250);
    expect(network.seen).toHaveLength(1);
    expect(spare.isDone()).toBe(false);
  });
});

describe("identical bytes on every attempt", () => {
  it("PUT retried after a reset, a timeout and a 503 sends the same body, length and headers each time", async () => {
    network.api()
      .put("/pets/1").replyWithError({ code: "ECONNRESET", message: "socket hang up" })
      .put("/pets/1").delay(2_000).reply(200, {})
      .put("/pets/1").reply(503, "")
      .put("/pets/1").reply(200, { ok: true }, { "content-type": "application/json" });
    const { client, delays } = harness({ retry: { maxRetries: 3 } });
    const body = { name: "Rex", tags: ["a", "b"], note: "ünïcødé ✓", nested: { n: 1.5 } };
    const result = await client.request(PUT_PET, { timeoutMs: ATTEMPT_TIMEOUT_MS, ifMatch: '"v1"' }, body).withResponse();
    expect(result.attempts).toBe(4);
    expect(delays).toEqual([250, 500, 1_000]);
    expect(network.seen).toHaveLength(4);
    expect(new Set(network.seen.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(network.seen[0]!.body)).toEqual(body);
    expect(new Set(network.seen.map((r) => r.headers["content-type"]))).toEqual(new Set(["application/json"]));
    expect(network.seen.map((r) => r.headers["if-match"])).toEqual(['"v1"', '"v1"', '"v1"', '"v1"']);
  });
});

describe("conditional writes", () => {
  it("ifMatch sends If-Match; a 412 is a PreconditionFailedError after one request", async () => {
    network.api().put("/pets/1").reply(412, { error: "etag mismatch" }, { "content-type": "application/json", etag: '"v3"' });
    const spare = network.api().put("/pets/1").reply(200, {});
    const { client, sleep } = harness();
    const error = (await rejection(client.request(PUT_PET, { ifMatch: '"v2"' }, { name: "Rex" }))) as PreconditionFailedError;
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.status).toBe(412);
    expect(error.headers.get("etag")).toBe('"v3"');
    expect(error.attempts).toBe(1);
    expect(error.message).not.toMatch(/earlier attempt/);
    expect(network.seen[0]!.headers["if-match"]).toBe('"v2"');
    expect(network.seen[0]!.headers["if-none-match"]).toBeUndefined();
    expect(sleep).not.toHaveBeenCalled();
    expect(spare.isDone()).toBe(false);
  });

  it("ifNoneMatch: '*' makes PUT create-only; created tells 201 from 200", async () => {
    network.api()
      .put("/pets/1").reply(201, { id: 1 }, { "content-type": "application/json", etag: '"v1"', location: "/pets/1" })
      .put("/pets/1").reply(200, { id: 1 }, { "content-type": "application/json", etag: '"v2"' });
    const { client } = harness();
    const created = await client.request(PUT_PET, { ifNoneMatch: "*" }, { name: "Rex" }).withResponse();
    expect(created.created).toBe(true);
    expect(created.etag).toBe('"v1"');
    const replaced = await client.request(PUT_PET, { ifMatch: created.etag! }, { name: "Max" }).withResponse();
    expect(replaced.created).toBe(false);
    expect(replaced.status).toBe(200);
    expect(network.seen.map((r) => [r.headers["if-none-match"], r.headers["if-match"]])).toEqual([
      ["*", undefined],
      [undefined, '"v1"'],
    ]);
  });

  it("a 412 on a retry says an earlier attempt may have taken effect", async () => {
    network.api().put("/pets/1").replyWithError({ code: "ECONNRESET", message: "socket hang up" }).put("/pets/1").reply(412, "");
    const { client } = harness();
    const error = (await rejection(client.request(PUT_PET, { ifNoneMatch: "*" }, { name: "Rex" }))) as PreconditionFailedError;
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(/earlier attempt may have taken effect/);
    expect(network.seen.map((r) => r.headers["if-none-match"])).toEqual(["*", "*"]);
  });
});

describe("hooks", () => {
  it("onRequest, onResponse and onRetry see each attempt, with credentials redacted", async () => {
    network.api().post("/pets").reply(503, "", { "retry-after": "1" }).post("/pets").reply(201, { id: 7 }, { "content-type": "application/json" });
    const requests: RequestHookInfo[] = [];
    const responses: ResponseHookInfo[] = [];
    // A clock that moves 5 ms each time it is read: the attempt start and the response are one read apart.
    let tick = NOW;
    const { client, retries } = harness(
      {
        headers: { authorization: "Bearer secret", cookie: "sid=1", "x-api-key": "k", "Proxy-Authorization": "Basic x", "x-trace": "t1" },
        onRequest: (info) => void requests.push(info),
        onResponse: (info) => void responses.push(info),
      },
      { now: () => (tick += 5) },
    );
    const result = await client.request(CREATE_PET_KEYED, { idempotencyKey: "key-1" }, { name: "Rex" }).withResponse();
    expect(result.created).toBe(true);
    expect(requests.map((r) => [r.method, r.url, r.attempt])).toEqual([
      ["POST", `${BASE}/pets`, 1],
      ["POST", `${BASE}/pets`, 2],
    ]);
    expect(requests[0]!.headers).toEqual({
      accept: "application/json",
      authorization: "[redacted]",
      cookie: "[redacted]",
      "x-api-key": "[redacted]",
      "proxy-authorization": "[redacted]",
      "x-trace": "t1",
      "content-type": "application/json",
      "idempotency-key": "key-1",
    });
    expect(responses.map((r) => [r.attempt, r.status, r.durationMs])).toEqual([
      [1, 503, 5],
      [2, 201, 5],
    ]);
    expect(retries).toEqual([{ method: "POST", url: `${BASE}/pets`, attempt: 1, reason: "HTTP 503", delayMs: 1_000 }]);
    // The real headers still went out.
    expect(network.seen[0]!.headers.authorization).toBe("Bearer secret");
  });

  it("onRetry names the error code of a connection failure, or timeout", async () => {
    network.api().get("/pets/1").replyWithError({ code: "ECONNRESET" }).get("/pets/1").delay(2_000).reply(200, {}).get("/pets/1").reply(204);
    const { client, retries } = harness();
    await client.request(GET_PET, { timeoutMs: ATTEMPT_TIMEOUT_MS });
    expect(retries.map((r) => r.reason)).toEqual(["ECONNRESET", "timeout"]);
  });

  it("hooks that throw or reject do not change the outcome", async () => {
    network.api().get("/pets/1").reply(500, "").get("/pets/1").reply(200, { ok: 1 }, { "content-type": "application/json" });
    const boom = () => {
      throw new Error("hook bug");
    };
    const { client } = harness({ onRequest: boom, onResponse: async () => Promise.reject(new Error("async hook bug")), onRetry: boom });
    const result = await client.request(GET_PET).withResponse();
    expect(result.data).toEqual({ ok: 1 });
    expect(result.attempts).toBe(2);
  });
});

describe("public names", () => {
  it("index exports the new error class", () => {
    expect(runtime.OutcomeUnknownError).toBe(OutcomeUnknownError);
    expect(runtime.TimeoutError).toBe(TimeoutError);
  });
});
