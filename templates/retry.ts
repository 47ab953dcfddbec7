/**
 * When to retry and how long to wait. Only requests that are safe to repeat are retried
 * (idempotent methods, or writes carrying an idempotency key); this module decides the
 * rest: which failures are transient and the backoff between attempts.
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 2, so at most 3 attempts). */
  maxRetries?: number | undefined;
  /** Base of the exponential backoff (default 500 ms). */
  initialDelayMs?: number | undefined;
  /** Longest wait between attempts; a longer `Retry-After` ends retrying (default 8 s). */
  maxDelayMs?: number | undefined;
}

export type RetryPolicy = { [K in keyof RetryOptions]-?: number };

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000 };

/** 408 Request Timeout, 429 Too Many Requests and the 5xx statuses that mean "try again later". */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

export function resolveRetryPolicy(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetryPolicy | false {
  if (call === false || (call === undefined && client === false)) return false;
  // Per field, so an option given as `undefined` keeps the default instead of erasing it
  // (a `maxRetries` of undefined would otherwise never stop retrying).
  const pick = (key: keyof RetryPolicy): number => call?.[key] ?? (client ? client[key] : undefined) ?? DEFAULT_RETRY[key];
  return { maxRetries: pick("maxRetries"), initialDelayMs: pick("initialDelayMs"), maxDelayMs: pick("maxDelayMs") };
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or `undefined` when the server asks for
 * longer than the policy allows (then the caller gets the error instead of a long stall).
 * Full jitter: a uniform random delay up to the exponential bound.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
  const bound = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * bound);
}

/** `retry-after-ms`, or `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  // Every HTTP date names its month; without that check Date.parse reads "1.5" or "-1" as a date.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
