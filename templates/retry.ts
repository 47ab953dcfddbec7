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
  /**
   * Only these methods are retried, e.g. `["PUT"]` (default: every method that is safe to repeat).
   * It narrows, never widens: a POST or PATCH listed here is still retried only with an idempotency key.
   */
  methods?: readonly RetryMethod[] | undefined;
}

export type RetryMethod = "GET" | "HEAD" | "OPTIONS" | "PUT" | "DELETE" | "POST" | "PATCH";

export type RetryPolicy = { maxRetries: number; initialDelayMs: number; maxDelayMs: number; methods?: readonly RetryMethod[] | undefined };

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000 };

/** 408 Request Timeout, 429 Too Many Requests and the 5xx statuses that mean "try again later". */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || (status > 501 && status < 505);
}

export function resolveRetryPolicy(client: RetryOptions | false | undefined, call: RetryOptions | false | undefined): RetryPolicy | false {
  if (call === false || (call === undefined && client === false)) return false;
  // Per field, so an option given as `undefined` keeps the default instead of erasing it
  // (a `maxRetries` of undefined would otherwise never stop retrying).
  const policy = { ...DEFAULT_RETRY };
  for (const key of ["maxRetries", "initialDelayMs", "maxDelayMs"] as const) policy[key] = call?.[key] ?? (client || undefined)?.[key] ?? policy[key];
  const methods = call?.methods ?? (client || undefined)?.methods;
  return methods === undefined ? policy : { ...policy, methods };
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or `undefined` when the server asks for
 * longer than the policy allows (then the caller gets the error instead of a long stall).
 * Full jitter: a uniform random delay up to the exponential bound.
 */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1)));
}

/** `retry-after-ms`, or `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(+ms);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return +value * 1000;
  // Every HTTP date names its month; without that check Date.parse reads "1.5" or "-1" as a date.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return isNaN(date) ? undefined : Math.max(0, date - now);
}
