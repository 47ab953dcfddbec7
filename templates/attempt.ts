import type { HeaderValues } from "./config.js";
import { readText } from "./decode.js";

/** Building blocks of one attempt: its headers, its abort signal, and reading an error body. */
export function mergeHeaders(...sources: Array<HeaderValues | undefined>): Headers {
  const headers = new Headers();
  for (const source of sources) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (value === undefined || value === null) headers.delete(name);
      else headers.set(name, String(value));
    }
  }
  return headers;
}

/** Cookie parameters (`{ session: "a b" }` → `Cookie: session=a%20b`), after any cookie already set. */
export function appendCookies(headers: Headers, cookies: object): void {
  const pairs = Object.entries(cookies)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  if (pairs.length === 0) return;
  const existing = headers.get("cookie");
  headers.set("cookie", existing ? `${existing}; ${pairs.join("; ")}` : pairs.join("; "));
}

/**
 * An AbortSignal that fires on the caller's signal, after `timeoutMs`, or when the call's deadline
 * (`deadlineRemaining` ms from now) passes, whichever comes first; `timedOut` says which timer fired.
 */
export function attemptSignal(callerSignal: AbortSignal | undefined, timeoutMs: number, deadlineRemaining: number | undefined) {
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

/** An error response's body for the error object: at most `maxBytes` of it, parsed if it is JSON. */
export async function errorBody(response: Response, maxBytes: number): Promise<unknown> {
  const text = await readText(response, maxBytes).catch(() => "");
  if (!/\bjson\b/i.test(response.headers.get("content-type") ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts. Some fetch implementations do not
 * fail a body read that is already under way when the request's signal aborts; this makes the
 * timeout and the caller's signal hold for the body too, everywhere.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}
