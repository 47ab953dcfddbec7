import type { AuthConfig } from "./auth.js";
import type { BodyFormat, FieldEncoding, ParamStyle } from "./encode.js";
import type { RetryOptions } from "./retry.js";

export type HeaderValues = Record<string, string | number | boolean | null | undefined>;

export interface ClientConfig {
  /** Prefix of every request URL, e.g. `https://api.example.com/v1`. */
  baseUrl: string;
  /** Sent with every request (per-call headers win). */
  headers?: HeaderValues;
  /** Credentials for the spec's security schemes; never sent to another origin after a redirect. */
  auth?: AuthConfig | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Bound on a whole call in milliseconds: every attempt, backoff and Retry-After wait (default none). */
  deadlineMs?: number;
  /** Largest response body read, in bytes (default 100 MiB); a larger one is an `InvalidResponseError`. */
  maxResponseBytes?: number;
  /** Retry policy for requests that are safe to repeat; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Clock and randomness, replaceable in tests so backoff is observable without real waiting. */
  timers?: Partial<Timers>;
  /** Called before each attempt is sent. Errors thrown by hooks are ignored. */
  onRequest?(info: RequestHookInfo): void;
  /** Called when an attempt's response headers arrive (any status). */
  onResponse?(info: ResponseHookInfo): void;
  /** Called when a failed attempt will be retried, before the backoff wait. */
  onRetry?(info: RetryHookInfo): void;
}

export interface RequestHookInfo {
  method: string;
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Lower-cased header names; `authorization`, `cookie`, `x-api-key` and `proxy-authorization` values read `[redacted]`. */
  headers: Record<string, string>;
}

export interface ResponseHookInfo {
  method: string;
  url: string;
  attempt: number;
  status: number;
  /** From sending the attempt to its response headers, by `timers.now()`. */
  durationMs: number;
}

export interface RetryHookInfo {
  method: string;
  url: string;
  /** The attempt that failed; the retry is attempt + 1. */
  attempt: number;
  /** Why: `HTTP 503`, an error code such as `ECONNRESET`, `timeout`, `connection lost`. */
  reason: string;
  delayMs: number;
}

export interface Timers {
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
  random(): number;
  now(): number;
}

/** Options every method accepts. */
export interface BaseRequestOptions {
  headers?: HeaderValues;
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs?: number;
  /** Bound on the whole call in milliseconds, retries and waits included. */
  deadlineMs?: number;
}

/** Options of an idempotent method (GET, PUT, DELETE, ...): retried on transient failures. */
export interface RequestOptions extends BaseRequestOptions {
  retry?: RetryOptions | false;
  /** Sent as `If-Match`: the write applies only if the resource still has this ETag (else 412). */
  ifMatch?: string;
  /** Sent as `If-None-Match`: `"*"` makes a PUT create-only (412 if the resource exists). */
  ifNoneMatch?: string;
}

/**
 * Options of a POST or PATCH without a declared idempotency key: sent exactly once. Retrying
 * needs an `idempotencyKey`, so a retry the server cannot deduplicate does not type-check.
 */
export type UnsafeRequestOptions = BaseRequestOptions &
  ({ idempotencyKey?: undefined; retry?: false } | { idempotencyKey: string; retry?: RetryOptions | false });

/** Options of a POST or PATCH whose operation declares an Idempotency-Key header: retried with one key per call. */
export interface IdempotentWriteOptions extends RequestOptions {
  idempotencyKey?: string;
}

/** What a generated method knows about its operation. */
export interface Endpoint {
  method: string;
  /** Path with parameters already encoded, e.g. `/pets/42`. */
  path: string;
  /** True for idempotent methods and for writes whose operation declares an idempotency key header. */
  retrySafe: boolean;
  /** Header that carries the idempotency key, when the operation declares one. */
  idempotencyHeader?: string;
  bodyFormat?: BodyFormat;
  contentType?: string;
  /** False when the operation declares it needs no credentials. */
  auth?: false;
  /** The `Accept` header, when not `application/json` (the default). */
  accept?: string;
  /**
   * The success response is `text/event-stream`: `readEventStream` (from `./sse.js`), which turns
   * the body into an async iterable of events. Passed in, not imported by the client, so SDKs
   * without streaming operations do not carry the parser. The stream outlives the attempt
   * timeout; only the caller's signal ends it early.
   */
  stream?: (body: ReadableStream<Uint8Array> | null, signal?: AbortSignal) => AsyncIterable<unknown>;
  /** Query parameters whose style is not the default (form, exploded). */
  queryStyles?: Readonly<Record<string, ParamStyle>>;
  /** Header parameters declared `explode: true` (objects as `k=v,k2=v2`). */
  headerExplode?: Readonly<Record<string, boolean>>;
  /** Cookie parameters whose style is not the default (form, exploded). */
  cookieStyles?: Readonly<Record<string, ParamStyle>>;
  /** The form or multipart body's `encoding` entries, by field. */
  bodyEncoding?: Readonly<Record<string, FieldEncoding>>;
  /** A whole URL to request instead of the base URL, path and query: a list's next page (templates/paginate.ts). */
  url?: string;
}

export interface CallOptions extends BaseRequestOptions {
  query?: object;
  /** Cookie parameters declared by the operation, sent in the `Cookie` header. */
  cookies?: object;
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
  retry?: RetryOptions | false;
  idempotencyKey?: string | undefined;
}

/** Real time and randomness; tests replace them through `ClientConfig.timers`. */
export const REAL_TIMERS: Timers = {
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => (clearTimeout(timer), reject(signal?.reason));
      // Unregister when the wait ends, so a long-lived signal does not collect a listener per retry.
      const timer = setTimeout(() => (signal?.removeEventListener("abort", onAbort), resolve()), ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
  random: Math.random,
  now: Date.now,
};
