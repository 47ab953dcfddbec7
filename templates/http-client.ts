import { ApiPromise, type ApiResponse } from "./api-promise.js";
import { appendCookies, attemptSignal, errorBody, mergeHeaders, untilAborted } from "./attempt.js";
import { applyAuth, redactUrl, type AppliedAuth } from "./auth.js";
import { REAL_TIMERS, type CallOptions, type ClientConfig, type Endpoint, type Timers } from "./config.js";
import { DecodeFailure, decodeBody, DEFAULT_MAX_RESPONSE_BYTES } from "./decode.js";
import { appendQuery, encodeBody } from "./encode.js";
import { apiErrorFor, ConnectionError, InvalidResponseError, OutcomeUnknownError, TimeoutError, type RequestInfo } from "./errors.js";
import { describeCause, neverSent, reasonOf } from "./failures.js";
import { redactHeaders, safely } from "./hooks.js";
import { fetchKeepingCredentials } from "./redirect.js";
import { readEventStream } from "./sse.js";
import { isTransientStatus, parseRetryAfter, resolveRetryPolicy, retryDelay } from "./retry.js";

export type { ClientConfig, Endpoint, Timers } from "./config.js";

export interface HttpClient {
  readonly config: Readonly<ClientConfig>;
  request<T>(endpoint: Endpoint, options?: CallOptions, body?: unknown): ApiPromise<T>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const NO_AUTH: AppliedAuth = { headers: [], query: [] };

/** Relative base URLs resolve against the page in a browser. */
function pageUrl(): string | undefined {
  return typeof location === "undefined" ? undefined : location.href;
}

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
  const target = new URL(appendQuery(config.baseUrl.replace(/\/+$/, "") + endpoint.path, options.query, endpoint.queryStyles), pageUrl());
  const headers = mergeHeaders({ accept: endpoint.accept ?? "application/json" }, config.headers, options.headers);
  if (options.cookies) appendCookies(headers, options.cookies);
  const encoded = endpoint.bodyFormat === undefined || body === undefined ? undefined : encodeBody(endpoint.bodyFormat, endpoint.contentType ?? "application/json", body);
  if (encoded?.contentType && !headers.has("content-type")) headers.set("content-type", encoded.contentType);
  if (options.ifMatch !== undefined) headers.set("if-match", options.ifMatch);
  if (options.ifNoneMatch !== undefined) headers.set("if-none-match", options.ifNoneMatch);

  // One key per logical call, identical on every attempt, so the server can deduplicate retries.
  const applied = endpoint.auth === false ? NO_AUTH : await applyAuth(config.auth, headers, target);
  // Messages and hooks show this URL: a key in the query string reads [redacted].
  const url = redactUrl(target, applied);

  const idempotencyKey = options.idempotencyKey ?? (endpoint.idempotencyHeader ? headers.get(endpoint.idempotencyHeader) ?? crypto.randomUUID() : undefined);
  if (idempotencyKey !== undefined) headers.set(endpoint.idempotencyHeader ?? "Idempotency-Key", idempotencyKey);

  const policy = resolveRetryPolicy(config.retry, options.retry);
  // A streamed body is consumed by the first attempt: it cannot be replayed, so it is never retried.
  const replayable = !(typeof ReadableStream !== "undefined" && encoded?.body instanceof ReadableStream);
  const retrySafe = (endpoint.retrySafe || idempotencyKey !== undefined) && replayable;
  const maxAttempts = policy && retrySafe ? policy.maxRetries + 1 : 1;
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? config.deadlineMs;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
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
    safely(() => config.onRequest?.({ method, url, attempt, headers: redactHeaders(headers, applied.headers) }));
    const attemptStartedAt = timers.now();
    try {
      const init: RequestInit = { method, headers, body: encoded?.body ?? null, signal: timeout.signal };
      // Streams need `duplex: "half"` in fetch implementations that support request streaming.
      if (!replayable) Object.assign(init, { duplex: "half" });
      response = await fetchKeepingCredentials(fetchImpl, target, init, applied);
      const status = response.status;
      safely(() => config.onResponse?.({ method, url, attempt, status, durationMs: timers.now() - attemptStartedAt }));
      // An event stream stays open: only the caller's signal may end it, not the attempt timeout.
      if (response.ok && endpoint.stream) data = readEventStream(response.body, options.signal);
      else if (response.ok) data = await untilAborted(decodeBody(response, method, maxBytes), timeout.signal);
    } catch (cause) {
      timeout.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      // A body that arrived whole but cannot be used is the server's answer, not a lost connection: not retried.
      if (cause instanceof DecodeFailure && response) {
        throw new InvalidResponseError(`${method} ${url}: ${cause.message}`, response.status, response.headers, cause.reason, info(attempt), { cause });
      }
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
        id: createdId(method, target, response.headers.get("location")),
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
      const payload = await untilAborted(errorBody(response, maxBytes), timeout.signal).catch(() => undefined);
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

/** For a POST to `/pets` answered with `Location: /pets/42`: `"42"`. */
function createdId(method: string, target: URL, location: string | null): string | undefined {
  if (method !== "POST" || location === null) return undefined;
  const created = new URL(location, target);
  const collection = target.pathname.replace(/\/+$/, "") + "/";
  if (created.origin !== target.origin || !created.pathname.startsWith(collection)) return undefined;
  const rest = created.pathname.slice(collection.length).replace(/\/$/, "");
  return rest === "" || rest.includes("/") ? undefined : decodeURIComponent(rest);
}
