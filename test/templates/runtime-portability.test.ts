/**
 * What differs between runtimes, checked here with each runtime's own error shapes (recorded from
 * Deno 2.9, Chromium 150, Bun 1.4 and Node's undici); test/runtimes/ runs the real runtimes.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, OutcomeUnknownError } from "../../templates/errors.js";
import { createHttpClient, type Endpoint } from "../../templates/http-client.js";
import { newIdempotencyKey } from "../../templates/idempotency-key.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CREATE_ORDER: Endpoint = { method: "POST", path: "/orders", retrySafe: true, idempotencyHeader: "Idempotency-Key", bodyFormat: "json" };
const CREATE_PET: Endpoint = { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json" };

afterEach(() => vi.unstubAllGlobals());

describe("idempotency keys outside a secure context (a page served over plain http)", () => {
  /** What `crypto` looks like there: `getRandomValues` only. */
  const realCrypto = globalThis.crypto;
  const insecureCrypto = () => vi.stubGlobal("crypto", { getRandomValues: (bytes: Uint8Array) => realCrypto.getRandomValues(bytes) });

  it("are random UUID v4s built from getRandomValues", () => {
    insecureCrypto();
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    const keys = Array.from({ length: 200 }, () => newIdempotencyKey());
    for (const key of keys) expect(key).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a POST with a declared key is sent, with one key on every attempt", async () => {
    insecureCrypto();
    const seen: string[] = [];
    const fetchImpl = async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get("idempotency-key")!);
      return seen.length === 1 ? new Response("busy", { status: 503 }) : Response.json({ id: "o1" }, { status: 201 });
    };
    const client = createHttpClient({ baseUrl: "http://api.test", fetch: fetchImpl, retry: { initialDelayMs: 1 } });
    const result = await client.request(CREATE_ORDER, {}, { petIds: ["1"] }).withResponse();
    expect(result.attempts).toBe(2);
    expect(seen[0]).toMatch(UUID_V4);
    expect(seen).toEqual([result.idempotencyKey, result.idempotencyKey]);
  });
});

/** The error a client built on `rejectWith` throws for one POST. */
async function failure(rejectWith: unknown): Promise<ConnectionError> {
  const client = createHttpClient({ baseUrl: "http://127.0.0.1:9", fetch: () => Promise.reject(rejectWith) });
  const error = await client.request(CREATE_PET, {}, { name: "Rex" }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectionError);
  return error as ConnectionError;
}

const denoError = (text: string) => new TypeError("fetch failed", { cause: new Error(`error sending request for url (http://127.0.0.1:9/pets): ${text}`) });

describe("whether a failed request was sent, from each runtime's error shape", () => {
  it.each([
    ["Deno, refused", denoError("client error (Connect): tcp connect error: Connection refused (os error 111)"), "tcp connect error: Connection refused"],
    ["Deno, unknown host", denoError("client error (Connect): dns error: failed to lookup address information: Name or service not known"), "dns error"],
    ["Deno, the cause two levels down", new TypeError("fetch failed", { cause: new Error("request failed", { cause: new Error("client error (Connect): tcp connect error: Connection refused") }) }), "Connection refused"],
    ["undici, refused", new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) }), "ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)"],
    ["Bun, refused", Object.assign(new TypeError("ECONNREFUSED: Unable to connect. Is the computer able to access the url?"), { code: "ECONNREFUSED" }), "ECONNREFUSED (ECONNREFUSED: Unable to connect"],
  ])("%s: requestSent false, and the innermost cause's text in the message", async (_, shape, text) => {
    const error = await failure(shape);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(error.requestSent).toBe(false);
    expect(error.message).toContain(text);
    expect(error.message).not.toMatch(/failed: fetch failed/);
  });

  it.each([
    ["Deno, a reset connection", denoError("client error (SendRequest): connection closed before message completed"), "connection closed before message completed"],
    ["Chromium, anything", new TypeError("Failed to fetch"), "Failed to fetch"],
    ["Firefox, anything", new TypeError("NetworkError when attempting to fetch resource."), "NetworkError"],
  ])("%s: the outcome stays unknown", async (_, shape, text) => {
    const error = await failure(shape);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.requestSent).toBe("unknown");
    expect(error.message).toContain(text);
  });
});
