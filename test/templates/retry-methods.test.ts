/** `retry.methods`: which methods retry is the user's to narrow, never to widen. */
import { describe, expect, it } from "vitest";
import type { UnsafeRequestOptions } from "../../templates/config.js";
import { createHttpClient, type ClientConfig, type Endpoint } from "../../templates/http-client.js";
import { DEFAULT_RETRY, resolveRetryPolicy } from "../../templates/retry.js";

const GET_PET: Endpoint = { method: "GET", path: "/pets/1", retrySafe: true };
const PUT_PET: Endpoint = { method: "PUT", path: "/pets/1", retrySafe: true, bodyFormat: "json" };
const CREATE_PET: Endpoint = { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json" };
const CREATE_ORDER: Endpoint = { method: "POST", path: "/orders", retrySafe: true, idempotencyHeader: "Idempotency-Key", bodyFormat: "json" };

/** A client over a fetch that answers 503 first, then 200; `sent` counts requests. */
function flaky(retry: ClientConfig["retry"]) {
  let sent = 0;
  const fetchImpl = async () => (++sent === 1 ? new Response("busy", { status: 503 }) : Response.json({ id: "1" }));
  const client = createHttpClient({ baseUrl: "http://api.test", fetch: fetchImpl, ...(retry === undefined ? {} : { retry }), timers: { sleep: async () => {} } });
  return { client, sent: () => sent };
}

const outcome = (promise: Promise<unknown>) => promise.then(() => "ok", (e: Error) => e.message);

describe("retry.methods", () => {
  it("is kept by the policy, the call's winning over the client's", () => {
    expect(resolveRetryPolicy({ methods: ["PUT"] }, undefined)).toEqual({ ...DEFAULT_RETRY, methods: ["PUT"] });
    expect(resolveRetryPolicy({ methods: ["PUT"] }, { methods: ["GET", "PUT"] })).toEqual({ ...DEFAULT_RETRY, methods: ["GET", "PUT"] });
    expect(resolveRetryPolicy({ maxRetries: 1 }, undefined)).toEqual({ ...DEFAULT_RETRY, maxRetries: 1 });
  });

  it('["PUT"]: a PUT is retried, a GET and a keyed POST are sent once, and the error says why', async () => {
    const put = flaky({ methods: ["PUT"] });
    expect(await outcome(put.client.request(PUT_PET, {}, { name: "Rex" }))).toBe("ok");
    expect(put.sent()).toBe(2);

    const get = flaky({ methods: ["PUT"] });
    expect(await outcome(get.client.request(GET_PET))).toBe("GET http://api.test/pets/1 failed with HTTP 503: busy It was not retried because retry.methods leaves GET out.");
    expect(get.sent()).toBe(1);

    const order = flaky({ methods: ["PUT"] });
    expect(await outcome(order.client.request(CREATE_ORDER, {}, { petIds: [] }))).toMatch(/HTTP 503: busy It was not retried because retry.methods leaves POST out\.$/);
    expect(order.sent()).toBe(1);
  });

  it("never widens: listing POST does not retry a POST without an idempotency key", async () => {
    const post = flaky({ methods: ["POST", "PUT"] });
    expect(await outcome(post.client.request(CREATE_PET, {}, { name: "Rex" }))).toMatch(/not retried because POST is not idempotent and no idempotency key was given\.$/);
    expect(post.sent()).toBe(1);
    // A call on a POST without a key cannot ask for retries at all: that does not type-check.
    // @ts-expect-error retry needs an idempotencyKey on a POST or PATCH
    const widened: UnsafeRequestOptions = { retry: { methods: ["POST"] } };
    expect(widened).toBeDefined();
  });

  it("a call can narrow further; with a key, POST in the list is retried", async () => {
    const get = flaky(undefined);
    expect(await outcome(get.client.request(GET_PET, { retry: { methods: ["PUT"] } }))).toMatch(/leaves GET out\.$/);
    const keyed = flaky({ methods: ["POST"] });
    expect(await outcome(keyed.client.request(CREATE_ORDER, {}, { petIds: [] }))).toBe("ok");
    expect(keyed.sent()).toBe(2);
  });
});
