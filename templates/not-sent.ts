/** Requests that fail while being built: nothing left the process, so the error says so and nothing retries it. */
import { RequestBuildError } from "./errors.js";

/** Methods the Fetch standard forbids: `fetch` rejects them before opening a connection. */
const FORBIDDEN_METHODS = /^(CONNECT|TRACE|TRACK)$/i;

/** Refuses what `fetch` would refuse anyway, with a message that names the reason. */
export function assertSendable(method: string, hasBody: boolean): void {
  if (FORBIDDEN_METHODS.test(method)) throw new TypeError(`fetch cannot send ${method.toUpperCase()} requests (the Fetch standard forbids the method)`);
  if (hasBody && /^(GET|HEAD)$/i.test(method)) throw new TypeError(`fetch cannot send a ${method.toUpperCase()} request with a body`);
}

export function buildFailure(method: string, url: string, cause: unknown, idempotencyKey?: string): RequestBuildError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RequestBuildError(`${method} ${url} was never sent: building the request failed: ${reason}. Nothing reached the server, and it was not retried.`, { method, url, attempts: 0, idempotencyKey }, { cause });
}
