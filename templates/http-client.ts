import { ApiPromise, type ApiResponse } from "./api-promise.js";
import { Attempt, mergeHeaders } from "./attempt.js";
import { applyAuth, redactUrl } from "./auth.js";
import { REAL_TIMERS, type CallOptions, type ClientConfig, type Endpoint, type Timers } from "./config.js";
import { DecodeFailure, decodeBody, DEFAULT_MAX_RESPONSE_BYTES, errorBody } from "./decode.js";
import { appendQuery, appendStyledCookies, encodeBody, styleHeaders } from "./encode.js";
import { assertSendable, buildFailure } from "./not-sent.js";
import { apiErrorFor, ConnectionError, InvalidResponseError, OutcomeUnknownError, TimeoutError, type RequestInfo } from "./errors.js";
import { describeCause, neverSent, reasonOf } from "./failures.js";
import { redactHeaders, safely } from "./hooks.js";
import { newIdempotencyKey } from "./idempotency-key.js";
import { fetchKeepingCredentials } from "./redirect.js";
import { isTransientStatus, parseRetryAfter, resolveRetryPolicy, retryDelay, type RetryPolicy } from "./retry.js";

export type { ClientConfig, Endpoint, Timers } from "./config.js";

export interface HttpClient {
  readonly config: Readonly<ClientConfig>;
  request<T>(endpoint: Endpoint, options?: CallOptions, body?: unknown): ApiPromise<T>;
}

export function createHttpClient(config: ClientConfig): HttpClient {
  const timers: Timers = { ...REAL_TIMERS, ...config.timers };
  return {
    config,
    request: <T>(endpoint: Endpoint, options: CallOptions = {}, body?: unknown) => new ApiPromise<T>(send<T>(config, timers, endpoint, options, body)),
  };
}

/**
 * One call: build the request once, then attempt it until it succeeds, fails for good, or may
 * not be repeated. The happy path allocates little: no policy, messages or closures are made
 * until an attempt fails, and the hooks' arguments only when a hook is set.
 */
async function send<T>(config: ClientConfig, timers: Timers, endpoint: Endpoint, options: CallOptions, body: unknown): Promise<ApiResponse<T>> {
  const startedAt = timers.now();
  const { method, idempotencyHeader } = endpoint;
  // Everything up to `fetch` builds the request: a failure here is a RequestBuildError (never sent, never retried).
  let target: URL, headers: Record<string, string>, encoded: ReturnType<typeof encodeBody> | undefined, applied: Awaited<ReturnType<typeof applyAuth>> | undefined;
  try {
    assertSendable(method, body !== undefined && endpoint.bodyFormat !== undefined);
    // Relative base URLs resolve against the page in a browser.
    target = new URL(
      endpoint.url ?? appendQuery(config.baseUrl.replace(/\/+$/, "") + endpoint.path, options.query, endpoint.queryStyles),
      // `location` exists in browsers only (and is not declared without lib DOM).
      (globalThis as { location?: { href: string } }).location?.href,
    );
    headers = mergeHeaders(mergeHeaders({ accept: endpoint.accept ?? "application/json" }, config.headers), styleHeaders(options.headers, endpoint.headerExplode));
    if (options.cookies) appendStyledCookies(headers, options.cookies, endpoint.cookieStyles);
    encoded = endpoint.bodyFormat === undefined || body === undefined ? undefined : encodeBody(endpoint.bodyFormat, endpoint.contentType ?? "application/json", body, endpoint.bodyEncoding);
    if (encoded?.contentType) headers["content-type"] ??= encoded.contentType;
    if (options.ifMatch !== undefined) headers["if-match"] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers["if-none-match"] = options.ifNoneMatch;
    applied = endpoint.auth === false || !config.auth ? undefined : await applyAuth(config.auth, headers, target);
  } catch (cause) {
    throw buildFailure(method, config.baseUrl + endpoint.path, cause);
  }
  // Messages and hooks show this URL: a key in the query string reads [redacted].
  const url = redactUrl(target, applied);

  // One key per logical call, identical on every attempt, so the server can deduplicate retries.
  const keyHeader = (idempotencyHeader ?? "idempotency-key").toLowerCase();
  const idempotencyKey = options.idempotencyKey ?? (idempotencyHeader ? headers[keyHeader] ?? newIdempotencyKey() : undefined);
  if (idempotencyKey !== undefined) headers[keyHeader] = idempotencyKey;

  // A streamed body is consumed by the first attempt: it cannot be replayed, so it is never retried.
  const replayable = !(typeof ReadableStream !== "undefined" && encoded?.body instanceof ReadableStream);
  const retrySafe = (endpoint.retrySafe || idempotencyKey !== undefined) && replayable;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? 60_000;
  const deadlineMs = options.deadlineMs ?? config.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? undefined : startedAt + deadlineMs;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const fetchImpl = config.fetch ?? fetch;
  // Built once for every attempt; an invalid header value fails the call here, before anything is sent.
  let requestHeaders: Headers;
  try {
    requestHeaders = new Headers(headers);
  } catch (cause) {
    throw buildFailure(method, url, cause, idempotencyKey);
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers: requestHeaders, body: encoded?.body ?? null };
  // Streams need `duplex: "half"` in fetch implementations that support request streaming.
  if (!replayable) init.duplex = "half";
  let policy: RetryPolicy | false | undefined;

  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined;
    let data: unknown;
    // The timeout and the caller's signal cover the whole attempt, reading the body included.
    const current = new Attempt(options.signal, timeoutMs, deadlineAt === undefined ? undefined : deadlineAt - timers.now());
    init.signal = current.signal;
    if (config.onRequest) safely(() => config.onRequest!({ method, url, attempt, headers: redactHeaders(requestHeaders, applied?.headers) }));
    const attemptStartedAt = timers.now();
    try {
      response = await current.race(applied ? fetchKeepingCredentials(fetchImpl, target, init, applied, current) : fetchImpl(target.href, init));
      const { status } = response;
      if (config.onResponse) safely(() => config.onResponse!({ method, url, attempt, status, durationMs: timers.now() - attemptStartedAt }));
      // An event stream stays open: only the caller's signal may end it, not the attempt timeout.
      if (response.ok) data = endpoint.stream ? endpoint.stream(response.body, options.signal) : await decodeBody(response, method, maxBytes, current);
    } catch (cause) {
      current.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      // A body that arrived whole but cannot be used is the server's answer, not a lost connection: not retried.
      if (cause instanceof DecodeFailure && response) {
        throw new InvalidResponseError(`${method} ${url}: ${cause.message}`, response.status, response.headers, cause.reason, info(attempt), { cause });
      }
      const error = networkError(cause, attempt, current.timedOut, response !== undefined);
      if (!retries(attempt) || current.timedOut === "deadline") throw error;
      if (!(await backoff(attempt, retryDelay(attempt, policy as RetryPolicy, undefined, timers.random)!, reasonOf(error)))) {
        error.message += pastDeadline();
        throw error;
      }
      continue;
    }
    const { status, headers: responseHeaders } = response;
    if (response.ok) {
      current.clear();
      const locationHeader = responseHeaders.get("location") ?? undefined;
      return {
        data: data as T,
        response,
        status,
        created: status === 201,
        headers: responseHeaders,
        location: locationHeader,
        id: method === "POST" && locationHeader !== undefined ? createdId(target, locationHeader) : undefined,
        etag: responseHeaders.get("etag") ?? undefined,
        attempts: attempt,
        idempotencyKey,
      };
    }
    const transient = isTransientStatus(status);
    const delay = transient && retries(attempt) ? retryDelay(attempt, policy as RetryPolicy, parseRetryAfter(responseHeaders, timers.now()), timers.random) : undefined;
    const overrunsDeadline = delay !== undefined && deadlineAt !== undefined && timers.now() + delay >= deadlineAt;
    if (delay === undefined || overrunsDeadline) {
      let note = overrunsDeadline ? pastDeadline() : transient ? notRetried() : "";
      // A precondition that held before may fail because an earlier attempt, whose answer was lost, succeeded.
      if (status === 412 && attempt > 1) note += ` This was attempt ${attempt}: an earlier attempt may have taken effect and changed the resource.`;
      const payload = await errorBody(response, maxBytes, current);
      current.clear();
      if (options.signal?.aborted) throw options.signal.reason;
      throw apiErrorFor(status, responseHeaders, payload, info(attempt), note);
    }
    current.clear();
    await response.body?.cancel().catch(() => undefined);
    if (!(await backoff(attempt, delay, `HTTP ${status}`))) {
      throw apiErrorFor(status, responseHeaders, undefined, info(attempt), pastDeadline());
    }
  }

  /** Whether another attempt may follow this one (the retry policy is resolved at the first failure). */
  function retries(attempt: number): boolean {
    policy ??= resolveRetryPolicy(config.retry, options.retry);
    return retrySafe && policy !== false && attempt <= policy.maxRetries && !leftOut(policy);
  }

  /** The caller narrowed retries (`retry.methods`) to methods other than this one. */
  function leftOut(resolved: RetryPolicy | false): boolean {
    return resolved !== false && resolved.methods !== undefined && !(resolved.methods as readonly string[]).includes(method.toUpperCase());
  }

  /** Waits before the next attempt, or returns false when the wait would overrun the deadline. */
  async function backoff(attempt: number, delayMs: number, reason: string): Promise<boolean> {
    if (deadlineAt !== undefined && timers.now() + delayMs >= deadlineAt) return false;
    if (config.onRetry) safely(() => config.onRetry!({ method, url, attempt, reason, delayMs }));
    await timers.sleep(delayMs, options.signal);
    // A sleep that overslept, or a clock that jumped, can still leave no time for another attempt.
    return deadlineAt === undefined || timers.now() < deadlineAt;
  }

  function info(attempts: number): RequestInfo {
    return { method, url, attempts, idempotencyKey };
  }

  function notRetried(): string {
    if (!retrySafe) return ` It was not retried because ${method} is not idempotent and no idempotency key was given.`;
    policy ??= resolveRetryPolicy(config.retry, options.retry);
    return leftOut(policy) ? ` It was not retried because retry.methods leaves ${method} out.` : "";
  }

  function pastDeadline(): string {
    return ` It was not retried because the next attempt would start after the ${deadlineMs} ms deadline.`;
  }

  /** Classifies a failed attempt: provably never sent, or sent with an unknown outcome. */
  function networkError(cause: unknown, attempt: number, timedOut: false | "attempt" | "deadline", answered: boolean): ConnectionError {
    const requestSent = answered || "unknown";
    if (timedOut) {
      const what = timedOut === "deadline" ? `hit its ${deadlineMs} ms deadline` : `timed out after ${timeoutMs} ms`;
      return new TimeoutError(`${method} ${url} ${what} (attempt ${attempt}). The server may have processed it.${notRetried()}`, info(attempt), { cause, requestSent, reason: timedOut });
    }
    const prefix = `${method} ${url} failed: ${describeCause(cause)} (attempt ${attempt}).`;
    if (!answered && neverSent(cause)) {
      const message = `${prefix} The request was never sent (no connection could be established), so sending it again cannot duplicate it.${notRetried()}`;
      return new ConnectionError(message, info(attempt), { cause, requestSent: false });
    }
    const outcome = answered ? " The server had begun to answer when the connection was lost, so the request reached it." : " The request may have reached the server.";
    return new OutcomeUnknownError(`${prefix}${outcome}${notRetried()}`, info(attempt), { cause, requestSent });
  }
}

/** For a POST to `/pets` answered with `Location: /pets/42`: `"42"`. */
function createdId(target: URL, location: string): string | undefined {
  const created = new URL(location, target);
  const collection = target.pathname.replace(/\/+$/, "") + "/";
  if (created.origin !== target.origin || !created.pathname.startsWith(collection)) return undefined;
  const rest = created.pathname.slice(collection.length).replace(/\/$/, "");
  return rest === "" || rest.includes("/") ? undefined : decodeURIComponent(rest);
}
