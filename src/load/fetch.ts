import { SdkwrightError } from "../errors.js";

/** A spec server that accepts the connection and never answers must not hang a run for minutes. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface FetchLimits {
  /** For each file fetched, headers and body together (default 30 s). */
  timeoutMs?: number;
  /** Aborting (Ctrl-C) stops a fetch under way; the error is the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The `fetch` Redocly's resolver uses for http(s) specs and `$ref`s: bounded in time, stopped by
 * the run's signal, and failing with one line that says what to do.
 */
export function boundedFetch(limits: FetchLimits): typeof fetch {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (url, init) => {
    limits.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
    try {
      const response = await fetch(url, { ...init, signal });
      // The body is read here, still under the same signal, so a server that stalls mid-body times out too.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } catch (error) {
      if (limits.signal?.aborted) throw limits.signal.reason;
      if (timeout.aborted) {
        throw new SdkwrightError(`no complete answer from ${String(url)} within ${timeoutMs / 1000} s`, {
          location: { file: String(url) },
          hint: "check the URL and that the server is up, or allow more time with --timeout <seconds>",
        });
      }
      throw error;
    }
  };
}
