import { ApiPromise, type ApiResponse } from "./api-promise.js";
import { appendQuery, decodeBody, encodeBody, type BodyFormat } from "./encode.js";
import { apiErrorFor, ConnectionError, OutcomeUnknownError, TimeoutError, type RequestInfo } from "./errors.js";
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
  /** Bound on a whole call in milliseconds: every attempt, backoff and Retry-After wait (default none). */
  deadlineMs?: number;
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
}

interface CallOptions extends BaseRequestOptions {
  query?: object;
  ifMatch?: string | undefined;
  ifNoneMatch?: string | undefined;
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
  const startedAt = timers.now();
  const { method } = endpoint;
  const url = appendQuery(config.baseUrl.replace(/\/+$/, "") + endpoint.path, options.query);
  const headers = mergeHeaders(config.headers, options.headers);
  const encoded = endpoint.bodyFormat === undefined || body === undefined ? undefined : encodeBody(endpoint.bodyFormat, endpoint.contentType ?? "application/json", body);
  if (encoded?.contentType && !headers.has("content-type")) headers.set("content-type", encoded.contentType);
  if (options.ifMatch !== undefined) headers.set("if-match", options.ifMatch);
  if (options.ifNoneMatch !== undefined) headers.set("if-none-match", options.ifNoneMatch);

  // One key per logical call, identical on every attempt, so the server can deduplicate retries.
  const idempotencyKey = options.idempotencyKey ?? (endpoint.idempotencyHeader ? headers.get(endpoint.idempotencyHeader) ?? crypto.randomUUID() : undefined);
  if (idempotencyKey !== undefined) headers.set(endpoint.idempotencyHeader ?? "Idempotency-Key", idempotencyKey);

  const policy = resolveRetryPolicy(config.retry, options.retry);
  const retrySafe = endpoint.retrySafe || idempotencyKey !== undefined;
  const maxAttempts = policy && retrySafe ? policy.maxRetries + 1 : 1;
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? config.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? undefined : startedAt + deadlineMs;
  const info = (attempts: number): RequestInfo => ({ method, url, attempts, idempotencyKey });
  const notRetried = retrySafe ? "" : ` It was not retried because ${method} is not idempotent and no idempotency key was given.`;
  const pastDeadline = ` It was not retried because the next attempt would start after the ${deadlineMs} ms deadline.`;

  /** Waits before the next attempt, or returns false when the wait would overrun the deadline. */
  const backoff = async (attempt: number, delayMs: number, reason: string): Promise<boolean> => {
    if (deadlineAt !== undefined && timers.now() + delayMs >= deadlineAt) return false;
    safely(() => config.onRetry?.({ method, url, attempt, reason, delayMs }));
    await timers.sleep(delayMs, options.signal);
    // A sleep that overslept, or a clock that jumped, can still leave no time for another attempt.
    return deadlineAt === undefined || timers.now() < deadlineAt;
  };

  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let data: unknown;
    // The timeout and the caller's signal cover the whole attempt, reading the body included.
    const timeout = attemptSignal(options.signal, timeoutMs, deadlineAt === undefined ? undefined : deadlineAt - timers.now());
    safely(() => config.onRequest?.({ method, url, attempt, headers: redactHeaders(headers) }));
    const attemptStartedAt = timers.now();
    try {
      response = await fetchImpl(url, { method, headers, body: encoded?.body ?? null, signal: timeout.signal });
      const status = response.status;
      safely(() => config.onResponse?.({ method, url, attempt, status, durationMs: timers.now() - attemptStartedAt }));
      if (response.ok) data = await decodeBody(response, method);
    } catch (cause) {
      timeout.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      // A body that arrived whole but is not valid JSON is the server's answer, not a lost connection.
      if (cause instanceof SyntaxError && !timeout.timedOut) throw cause;
      const error = networkError(cause, attempt, timeout.timedOut, response !== undefined);
      if (!policy || attempt >= maxAttempts || timeout.timedOut === "deadline") throw error;
      if (!(await backoff(attempt, retryDelay(attempt, policy, undefined, timers.random)!, reasonOf(error)))) {
        error.message += pastDeadline;
        throw error;
      }
      continue;
    }
    if (response.ok) {
      timeout.clear();
      return {
        data: data as T,
        response,
        status: response.status,
        created: response.status === 201,
        headers: response.headers,
        location: response.headers.get("location") ?? undefined,
        etag: response.headers.get("etag") ?? undefined,
        attempts: attempt,
        idempotencyKey,
      };
    }
    const transient = isTransientStatus(response.status);
    const delay = policy && attempt < maxAttempts && transient
      ? retryDelay(attempt, policy, parseRetryAfter(response.headers, timers.now()), timers.random)
      : undefined;
    const overrunsDeadline = delay !== undefined && deadlineAt !== undefined && timers.now() + delay >= deadlineAt;
    if (delay === undefined || overrunsDeadline) {
      let note = transient && notRetried ? notRetried : overrunsDeadline ? pastDeadline : "";
      // A precondition that held before may fail because an earlier attempt, whose answer was lost, succeeded.
      if (response.status === 412 && attempt > 1) note += ` This was attempt ${attempt}: an earlier attempt may have taken effect and changed the resource.`;
      const payload = await errorBody(response);
      timeout.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      throw apiErrorFor(response.status, response.headers, payload, info(attempt), note);
    }
    timeout.clear();
    await response.body?.cancel().catch(() => undefined);
    if (!(await backoff(attempt, delay, `HTTP ${response.status}`))) {
      throw apiErrorFor(response.status, response.headers, undefined, info(attempt), pastDeadline);
    }
  }

  /** Classifies a failed attempt: provably never sent, or sent with an unknown outcome. */
  function networkError(cause: unknown, attempt: number, timedOut: false | "attempt" | "deadline", answered: boolean): ConnectionError {
    const requestSent = answered ? true : "unknown";
    if (timedOut) {
      const what = timedOut === "deadline" ? `hit its ${deadlineMs} ms deadline` : `timed out after ${timeoutMs} ms`;
      const message = `${method} ${url} ${what} (attempt ${attempt}). The server may have processed it.${notRetried}`;
      return new TimeoutError(message, info(attempt), { cause, requestSent, reason: timedOut });
    }
    const prefix = `${method} ${url} failed: ${describeCause(cause)} (attempt ${attempt}).`;
    if (!answered && neverSent(cause)) {
      const message = `${prefix} The request was never sent (no connection could be established), so sending it again cannot duplicate it.${notRetried}`;
      return new ConnectionError(message, info(attempt), { cause, requestSent: false });
    }
    const outcome = answered ? " The server had begun to answer when the connection was lost, so the request reached it." : " The request may have reached the server.";
    return new OutcomeUnknownError(`${prefix}${outcome}${notRetried}`, info(attempt), { cause, requestSent });
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

/**
 * An AbortSignal that fires on the caller's signal, after `timeoutMs`, or when the call's deadline
 * (`deadlineRemaining` ms from now) passes, whichever comes first; `timedOut` says which timer fired.
 */
function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number, deadlineRemaining: number | undefined) {
  const controller = new AbortController();
  const state: { signal: AbortSignal; timedOut: false | "attempt" | "deadline"; clear: () => void } = { signal: controller.signal, timedOut: false, clear: () => {} };
  const onAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onAbort, { once: true });
  if (callerSignal?.aborted) onAbort();
  const byDeadline = deadlineRemaining !== undefined && deadlineRemaining < timeoutMs;
  const timer = setTimeout(
    () => {
      state.timedOut = byDeadline ? "deadline" : "attempt";
      controller.abort();
    },
    byDeadline ? Math.max(0, deadlineRemaining) : timeoutMs,
  );
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

/** Failures that happen before a connection exists: nothing can have reached the server. */
const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * Error codes anywhere in a fetch rejection: undici nests the system error under `cause` (sometimes
 * deeper, or in an AggregateError's `errors` when several addresses were tried); mocks put `code`
 * on the rejection itself.
 */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let i = 0; i < queue.length && i < 32; i++) {
    const item = queue[i];
    if (item === null || typeof item !== "object") continue;
    const { code, cause, errors } = item as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && code) codes.push(code);
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return codes;
}

/** True only when every code found says the connection was never established (and there is one). */
function neverSent(cause: unknown): boolean {
  const codes = errorCodes(cause);
  return codes.length > 0 && codes.every((code) => NEVER_SENT_CODES.has(code));
}

function reasonOf(error: ConnectionError): string {
  if (error instanceof TimeoutError) return "timeout";
  return errorCodes(error.cause)[0] ?? (error instanceof OutcomeUnknownError ? "connection lost" : "connection failed");
}

const REDACTED_HEADERS = new Set(["authorization", "cookie", "x-api-key", "proxy-authorization"]);

/** The request headers as hooks see them: credentials replaced by `[redacted]`. */
function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = REDACTED_HEADERS.has(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}

/** Runs a hook; a hook that throws or rejects must not change the outcome of the request. */
function safely(run: () => unknown): void {
  try {
    const result = run();
    if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // Ignored on purpose: observability must not break the call.
  }
}
