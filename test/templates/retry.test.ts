import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, isTransientStatus, parseRetryAfter, resolveRetryPolicy, retryDelay, type RetryPolicy } from "../../templates/retry.js";

const policy: RetryPolicy = { maxRetries: 5, initialDelayMs: 500, maxDelayMs: 8_000 };

describe("DEFAULT_RETRY", () => {
  it("is 2 retries (3 attempts), 500 ms base, 8 s cap", () => {
    expect(DEFAULT_RETRY).toEqual({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000 });
  });
});

describe("isTransientStatus", () => {
  it.each([408, 429, 500, 502, 503, 504])("%i is transient", (status) => {
    expect(isTransientStatus(status)).toBe(true);
  });
  it.each([200, 201, 204, 301, 400, 401, 403, 404, 409, 412, 422, 501, 505])("%i is not transient", (status) => {
    expect(isTransientStatus(status)).toBe(false);
  });
});

describe("retryDelay", () => {
  // Full jitter: floor(random * min(cap, base * 2^(attempt-1))).
  it.each([
    // attempt, random, expected
    [1, 0, 0],
    [1, 0.5, 250],
    [1, 0.999999, 499],
    [2, 0.999999, 999],
    [3, 0.5, 1000],
    [4, 0.999999, 3999],
    [5, 0.999999, 7999], // 500 * 16 = 8000 = cap
    [6, 0.999999, 7999], // 16000 capped to 8000
    [30, 0.5, 4000], // far past the cap, still capped
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(retryDelay(attempt, policy, undefined, () => random)).toBe(expected);
  });

  it("never exceeds the exponential bound or the cap, and is never negative", () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const bound = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
      for (const r of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999999999]) {
        const delay = retryDelay(attempt, policy, undefined, () => r)!;
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(bound);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it("uses the injected random source exactly once per delay", () => {
    let calls = 0;
    retryDelay(2, policy, undefined, () => (calls++, 0.3));
    expect(calls).toBe(1);
  });

  it.each([
    // retryAfterMs, expected
    [0, 0],
    [1_000, 1_000],
    [7_999, 7_999],
    [8_000, 8_000], // exactly the cap is allowed
    [8_001, undefined], // over the cap ends retrying
    [3_600_000, undefined],
  ])("Retry-After of %i ms gives %s regardless of jitter", (retryAfterMs, expected) => {
    expect(retryDelay(1, policy, retryAfterMs, () => 0.5)).toBe(expected);
    expect(retryDelay(4, policy, retryAfterMs, () => 0)).toBe(expected);
  });

  it("respects a custom cap and base", () => {
    const small: RetryPolicy = { maxRetries: 2, initialDelayMs: 10, maxDelayMs: 25 };
    expect(retryDelay(1, small, undefined, () => 0.999)).toBe(9);
    expect(retryDelay(2, small, undefined, () => 0.999)).toBe(19);
    expect(retryDelay(3, small, undefined, () => 0.999)).toBe(24);
    expect(retryDelay(1, small, 26, () => 0.5)).toBeUndefined();
    expect(retryDelay(1, small, 25, () => 0.5)).toBe(25);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
  const h = (init: Record<string, string>) => new Headers(init);

  it.each<[string, Record<string, string>, number | undefined]>([
    ["no header", {}, undefined],
    ["seconds", { "retry-after": "1" }, 1_000],
    ["zero seconds", { "retry-after": "0" }, 0],
    ["seconds with whitespace", { "retry-after": " 120 " }, 120_000],
    ["an hour", { "retry-after": "3600" }, 3_600_000],
    ["IMF-fixdate 30 s ahead", { "retry-after": "Wed, 21 Oct 2015 07:28:30 GMT" }, 30_000],
    ["obsolete RFC 850 date 1 min ahead", { "retry-after": "Wednesday, 21-Oct-15 07:29:00 GMT" }, 60_000],
    ["date in the past is 0", { "retry-after": "Wed, 21 Oct 2015 07:27:00 GMT" }, 0],
    ["retry-after-ms", { "retry-after-ms": "250" }, 250],
    ["fractional retry-after-ms rounds up", { "retry-after-ms": "1.2" }, 2],
    ["retry-after-ms wins over retry-after", { "retry-after-ms": "100", "retry-after": "5" }, 100],
    ["garbage retry-after-ms falls back to retry-after", { "retry-after-ms": "soon", "retry-after": "2" }, 2_000],
    ["garbage retry-after-ms alone", { "retry-after-ms": "-5" }, undefined],
    ["garbage word", { "retry-after": "soon" }, undefined],
    ["empty", { "retry-after": "" }, undefined],
    ["negative seconds", { "retry-after": "-1" }, undefined],
    ["fractional seconds", { "retry-after": "1.5" }, undefined],
    ["two numbers", { "retry-after": "1 2" }, undefined],
    ["exponent", { "retry-after": "1e3" }, undefined],
  ])("%s", (_name, headers, expected) => {
    expect(parseRetryAfter(h(headers), now)).toBe(expected);
  });

  it("accepts the asctime date format (read as local time, so only its type is checked)", () => {
    const delay = parseRetryAfter(h({ "retry-after": "Wed Oct 21 07:28:02 2015" }), now);
    expect(typeof delay).toBe("number");
    expect(delay).toBeGreaterThanOrEqual(0);
  });

  it("measures an HTTP date against the injected clock, not the real one", () => {
    const headers = h({ "retry-after": "Wed, 21 Oct 2015 07:28:10 GMT" });
    expect(parseRetryAfter(headers, now)).toBe(10_000);
    expect(parseRetryAfter(headers, now + 4_000)).toBe(6_000);
    expect(parseRetryAfter(headers, now + 60_000)).toBe(0);
  });
});

describe("resolveRetryPolicy", () => {
  it.each<[string, Parameters<typeof resolveRetryPolicy>[0], Parameters<typeof resolveRetryPolicy>[1], ReturnType<typeof resolveRetryPolicy>]>([
    ["defaults when neither level sets anything", undefined, undefined, DEFAULT_RETRY],
    ["false at call level", undefined, false, false],
    ["false at call level beats a client policy", { maxRetries: 5 }, false, false],
    ["false at client level", false, undefined, false],
    ["a call-level policy re-enables retries the client turned off", false, { maxRetries: 1 }, { ...DEFAULT_RETRY, maxRetries: 1 }],
    ["client options merge over defaults", { maxRetries: 4 }, undefined, { ...DEFAULT_RETRY, maxRetries: 4 }],
    ["call options merge over client options", { maxRetries: 4, initialDelayMs: 100 }, { initialDelayMs: 50 }, { maxRetries: 4, initialDelayMs: 50, maxDelayMs: 8_000 }],
    ["maxRetries 0 is kept", { maxRetries: 0 }, undefined, { ...DEFAULT_RETRY, maxRetries: 0 }],
    ["explicit undefined does not erase a default", { maxRetries: undefined }, { maxDelayMs: undefined }, DEFAULT_RETRY],
    ["explicit undefined at call level keeps the client's value", { maxRetries: 7 }, { maxRetries: undefined }, { ...DEFAULT_RETRY, maxRetries: 7 }],
  ])("%s", (_name, client, call, expected) => {
    expect(resolveRetryPolicy(client, call)).toEqual(expected);
  });

  it("does not mutate DEFAULT_RETRY", () => {
    resolveRetryPolicy({ maxRetries: 9 }, { maxDelayMs: 1 });
    expect(DEFAULT_RETRY).toEqual({ maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000 });
  });
});
