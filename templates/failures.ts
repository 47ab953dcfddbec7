/** Why a fetch rejected: the error codes it carries, and whether the request can have left the machine. */
import { OutcomeUnknownError, TimeoutError, type ConnectionError } from "./errors.js";

export function describeCause(cause: unknown): string {
  // undici puts the system error under `cause`; other fetch implementations (and mocks) reject
  // with it directly, sometimes as a plain `{ code, message }` object.
  for (const candidate of [(cause as { cause?: unknown } | null | undefined)?.cause, cause]) {
    const { code, message } = (candidate ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code) return `${code}${typeof message === "string" && message ? ` (${message})` : ""}`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Error codes anywhere in a fetch rejection: undici nests the system error under `cause` (sometimes
 * deeper, or in an AggregateError's `errors` when several addresses were tried); mocks put `code`
 * on the rejection itself.
 */
export function errorCodes(error: unknown): string[] {
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

/**
 * True only when every code found says the connection was never established (and there is one):
 * refused, unresolved host name, or undici's own connect timeout.
 */
export function neverSent(cause: unknown): boolean {
  const codes = errorCodes(cause);
  return codes.length > 0 && codes.every((code) => /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$/.test(code));
}

export function reasonOf(error: ConnectionError): string {
  if (error instanceof TimeoutError) return "timeout";
  return errorCodes((error as { cause?: unknown }).cause)[0] ?? (error instanceof OutcomeUnknownError ? "connection lost" : "connection failed");
}
