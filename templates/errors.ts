import { setCause } from "./decode.js";

/**
 * Errors thrown by the client. `ApiError` is an HTTP response outside 2xx (a subclass per common
 * status); `ConnectionError` (and its subclasses `OutcomeUnknownError` and `TimeoutError`) mean no
 * response arrived, and say whether the request was sent. Each says how many attempts were made
 * and, for writes that were not retried, why not.
 */
export interface RequestInfo {
  method: string;
  url: string;
  attempts: number;
  idempotencyKey: string | undefined;
}

// Fields are `declare`d and set in the constructors, so no class-field code is emitted for them.
export class SdkError extends Error {
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;
  declare readonly idempotencyKey: string | undefined;

  constructor(message: string, info: RequestInfo, options?: { cause?: unknown }) {
    super(message);
    setCause(this, options);
    this.name = new.target.name;
    this.method = info.method;
    this.url = info.url;
    this.attempts = info.attempts;
    this.idempotencyKey = info.idempotencyKey;
  }
}

export class ApiError extends SdkError {
  declare readonly status: number;
  declare readonly headers: Headers;
  /** The response body: parsed JSON when the server sent JSON, else text. */
  declare readonly body: unknown;

  constructor(status: number, headers: Headers, body: unknown, info: RequestInfo, note = "") {
    super(`${info.method} ${info.url} failed with HTTP ${status}${summarise(body)}${note}`, info);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class PreconditionFailedError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
export class InternalServerError extends ApiError {}

export function apiErrorFor(status: number, headers: Headers, body: unknown, info: RequestInfo, note?: string): ApiError {
  const ErrorClass =
    status === 400 ? BadRequestError
    : status === 401 ? AuthenticationError
    : status === 403 ? PermissionDeniedError
    : status === 404 ? NotFoundError
    : status === 409 ? ConflictError
    : status === 412 ? PreconditionFailedError
    : status === 422 ? UnprocessableEntityError
    : status === 429 ? RateLimitError
    : status >= 500 ? InternalServerError
    : ApiError;
  return new ErrorClass(status, headers, body, info, note);
}

/**
 * Whether the request left the client: `false` means provably never sent (the connection could not
 * be established), so sending it again cannot duplicate anything; `true` means the server started
 * answering; `"unknown"` means it may or may not have reached the server.
 */
export type RequestSent = boolean | "unknown";

/**
 * The request could not be built, so nothing was sent (`requestSent: false`) and it is never
 * retried: an argument its OpenAPI style cannot serialize, an invalid header value, a method or
 * body `fetch` refuses (TRACE, a GET with a body), or credentials that could not be obtained.
 * `cause` is the underlying error.
 */
export class RequestBuildError extends SdkError {
  declare readonly requestSent: false;

  constructor(message: string, info: RequestInfo, options?: { cause?: unknown }) {
    super(message, info, options);
    this.requestSent = false;
  }
}

/** A 2xx response whose body could not be used: malformed JSON, or larger than `maxResponseBytes`. Never retried. */
export class InvalidResponseError extends SdkError {
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly reason: "too-large" | "malformed-json";

  constructor(message: string, status: number, headers: Headers, reason: "too-large" | "malformed-json", info: RequestInfo, options?: { cause?: unknown }) {
    super(message, info, options);
    this.status = status;
    this.headers = headers;
    this.reason = reason;
  }
}

/**
 * No response arrived. A plain `ConnectionError` has `requestSent: false`: the connection was
 * refused, the host name did not resolve or connecting timed out, so nothing reached the server.
 * Failures after that point are the subclass {@link OutcomeUnknownError}.
 */
export class ConnectionError extends SdkError {
  declare readonly requestSent: RequestSent;

  constructor(message: string, info: RequestInfo, options?: { cause?: unknown; requestSent?: RequestSent }) {
    super(message, info, options);
    this.requestSent = options?.requestSent ?? (this instanceof OutcomeUnknownError ? "unknown" : false);
  }
}

/**
 * The request may have been processed but no complete response arrived: the connection was reset
 * or cut, or the response body stopped. `requestSent` is `true` when the server had begun to
 * answer, else `"unknown"`. Before sending a non-idempotent write again, check whether it took effect.
 */
export class OutcomeUnknownError extends ConnectionError {
  // ConnectionError's constructor defaults `requestSent` to "unknown" for this class.
  declare readonly requestSent: true | "unknown";
}

/**
 * No response arrived in time: the per-attempt `timeoutMs` (`reason: "attempt"`) or the overall
 * `deadlineMs` of the call (`reason: "deadline"`) ran out. `fetch` does not say whether the
 * connection was up by then, so the outcome is unknown, like any {@link OutcomeUnknownError}.
 */
export class TimeoutError extends OutcomeUnknownError {
  declare readonly reason: "attempt" | "deadline";

  constructor(message: string, info: RequestInfo, options?: { cause?: unknown; requestSent?: true | "unknown"; reason?: "attempt" | "deadline" }) {
    super(message, info, options);
    this.reason = options?.reason ?? "attempt";
  }
}

function summarise(body: unknown): string {
  if (body === undefined || body === null || body === "") return "";
  let text: string;
  try {
    text = typeof body === "string" ? body : JSON.stringify(body);
  } catch {
    text = String(body);
  }
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}
