/** Why a fetch rejected: the error codes it carries, and whether the request can have left the machine. */
import { OutcomeUnknownError, TimeoutError, type ConnectionError } from "./errors.js";

export function describeCause(cause: unknown): string {
  // The innermost error says what happened; the outer ones only say that fetch failed. undici
  // puts the system error (with a `code`) under `cause`, Deno its text (no code); other fetch
  // implementations (and mocks) reject with it directly, sometimes as a plain `{ code, message }`.
  const chain = causeChain(cause).reverse();
  for (const candidate of chain) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code) return `${code}${typeof message === "string" && message ? ` (${message})` : ""}`;
  }
  const text = chain.map((candidate) => (candidate as { message?: unknown }).message).find((message): message is string => typeof message === "string" && message !== "");
  return text ?? String(cause);
}

/** `error`, its `cause`, the cause's cause...: outermost first, objects only, bounded. */
function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  for (let item = error; item !== null && typeof item === "object" && chain.length < 8; item = (item as { cause?: unknown }).cause) chain.push(item);
  return chain;
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
 * True only when the failure says the connection was never established: every error code found
 * (and there is one) is refused, unresolved host name, or undici's own connect timeout; or, where
 * no code is given (Deno), the text names hyper's connect phase
 * (`client error (Connect): tcp connect error: Connection refused`, `... dns error: ...`).
 * Browsers reject with a bare `TypeError` ("Failed to fetch") whatever happened: never provable.
 */
export function neverSent(cause: unknown): boolean {
  const codes = errorCodes(cause);
  if (codes.length === 0) return causeChain(cause).some((item) => /\bclient error \(Connect\)/.test(String((item as { message?: unknown }).message)));
  return codes.every((code) => /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$/.test(code));
}

export function reasonOf(error: ConnectionError): string {
  if (error instanceof TimeoutError) return "timeout";
  return errorCodes((error as { cause?: unknown }).cause)[0] ?? (error instanceof OutcomeUnknownError ? "connection lost" : "connection failed");
}
