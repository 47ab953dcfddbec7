import { ApiPromise, type ApiResponse } from "./api-promise.js";
import { appendQuery, decodeBody, encodeBody, type BodyFormat } from "./encode.js";
import { apiErrorFor, ConnectionError, TimeoutError, type RequestInfo } from "./errors.js";
import { isTransientStatus, parseRetryAfter, resolveRetryPolicy, retryDelay, type RetryOptions } from "./retry.js";

export type HeaderValues = Record<string, string | number | boolean | null | undefined>;

export interface ClientConfig {
  /** Prefix of every request URL, e.g. `https://api.example.com/v1`. */
  baseUrl: string;
  /** Sent with every request (per-call headers win). */
  headers?: HeaderValues;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Per-attempt timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Retry policy for requests that are safe to repeat; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Clock and randomness, replaceable in tests so backoff is observable without real waiting. */
  timers?: Partial<Timers>;
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
  timeoutMs?: number;
}

/** Options of an idempotent method (GET, PUT, DELETE, ...): retried on transient failures. */
export interface RequestOptions extends BaseRequestOptions {
  retry?: RetryOptions | false;
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
}

interface CallOptions extends BaseRequestOptions {
  query?: object;
  retry?: RetryOptions | false;
  idempotencyKey?: string | undefined;
}

export interface HttpClient {
  readonly config: Readonly<ClientConfig>;
  request<T>(endpoint: Endpoint, options?: CallOptions, body?: unknown): ApiPromise<T>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const REAL_TIMERS: Timers = {
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

export function createHttpClient(config: ClientConfig): HttpClient {
  const timers: Timers = { ...REAL_TIMERS, ...config.timers };
  return {
    config,
    request: <T>(endpoint: Endpoint, options: CallOptions = {}, body?: unknown) =>
      new ApiPromise<T>(send<T>(config, timers, endpoint, options, body)),
  };
}

async function send<T>(config: ClientConfig, timers: Timers, endpoint: Endpoint, options: CallOptions, body: unknown): Promise<ApiResponse<T>> {
  const url = appendQuery(config.baseUrl.replace(/\/+$/, "") + endpoint.path, options.query);
  const headers = mergeHeaders(config.headers, options.headers);
  const encoded = endpoint.bodyFormat === undefined || body === undefined ? undefined : encodeBody(endpoint.bodyFormat, endpoint.contentType ?? "application/json", body);
  if (encoded?.contentType && !headers.has("content-type")) headers.set("content-type", encoded.contentType);

  // One key per logical call, identical on every attempt, so the server can deduplicate retries.
  const idempotencyKey = options.idempotencyKey ?? (endpoint.idempotencyHeader ? headers.get(endpoint.idempotencyHeader) ?? crypto.randomUUID() : undefined);
  if (idempotencyKey !== undefined) headers.set(endpoint.idempotencyHeader ?? "Idempotency-Key", idempotencyKey);

  const policy = resolveRetryPolicy(config.retry, options.retry);
  const retrySafe = endpoint.retrySafe || idempotencyKey !== undefined;
  const maxAttempts = policy && retrySafe ? policy.maxRetries + 1 : 1;
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const info = (attempts: number): RequestInfo => ({ method: endpoint.method, url, attempts, idempotencyKey });
  const notRetried = retrySafe ? "" : ` It was not retried because ${endpoint.method} is not idempotent and no idempotency key was given.`;

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    let data: unknown;
    // The timeout and the caller's signal cover the whole attempt, reading the body included.
    const timeout = attemptSignal(options.signal, timeoutMs);
    try {
      response = await fetchImpl(url, { method: endpoint.method, headers, body: encoded?.body ?? null, signal: timeout.signal });
      if (response.ok) data = await decodeBody(response, endpoint.method);
    } catch (cause) {
      timeout.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      // A body that arrived whole but is not valid JSON is the server's answer, not a lost connection.
      if (cause instanceof SyntaxError && !timeout.timedOut) throw cause;
      const error = timeout.timedOut
        ? new TimeoutError(`${endpoint.method} ${url} timed out after ${timeoutMs} ms (attempt ${attempt}).${notRetried && " The server may have processed it."}${notRetried}`, info(attempt), { cause })
        : new ConnectionError(`${endpoint.method} ${url} failed: ${describeCause(cause)} (attempt ${attempt}).${notRetried && " The request may have reached the server."}${notRetried}`, info(attempt), { cause });
      if (attempt >= maxAttempts || !policy) throw error;
      await timers.sleep(retryDelay(attempt, policy, undefined, timers.random)!, options.signal);
      continue;
    }
    if (response.ok) {
      timeout.clear();
      return {
        data: data as T,
        response,
        status: response.status,
        headers: response.headers,
        location: response.headers.get("location") ?? undefined,
        etag: response.headers.get("etag") ?? undefined,
        attempts: attempt,
        idempotencyKey,
      };
    }
    const delay = policy && attempt < maxAttempts && isTransientStatus(response.status)
      ? retryDelay(attempt, policy, parseRetryAfter(response.headers, timers.now()), timers.random)
      : undefined;
    if (delay === undefined) {
      const note = isTransientStatus(response.status) && notRetried ? notRetried : "";
      const payload = await errorBody(response);
      timeout.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      throw apiErrorFor(response.status, response.headers, payload, info(attempt), note);
    }
    timeout.clear();
    await response.body?.cancel().catch(() => undefined);
    await timers.sleep(delay, options.signal);
  }
}

function mergeHeaders(...sources: Array<HeaderValues | undefined>): Headers {
  const headers = new Headers();
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value === undefined || value === null) headers.delete(name);
      else headers.set(name, String(value));
    }
  }
  return headers;
}

/** An AbortSignal that fires on the caller's signal or after `timeoutMs`, whichever comes first. */
function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  const state = { signal: controller.signal, timedOut: false, clear: () => {} };
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  if (callerSignal?.aborted) onAbort();
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, timeoutMs);
  state.clear = () => {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onAbort);
  };
  return state;
}

async function errorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!/\bjson\b/i.test(response.headers.get("content-type") ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeCause(cause: unknown): string {
  // undici puts the system error under `cause`; other fetch implementations (and mocks) reject
  // with it directly, sometimes as a plain `{ code, message }` object.
  for (const candidate of [(cause as { cause?: unknown } | null | undefined)?.cause, cause]) {
    const { code, message } = (candidate ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code) return `${code}${typeof message === "string" && message ? ` (${message})` : ""}`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}
