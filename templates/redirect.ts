import type { AppliedAuth } from "./auth.js";
import type { BodyRead } from "./decode.js";

/**
 * `fetch` that follows redirects itself when credentials were added, so they never reach another
 * origin: `fetch` drops `Authorization` on a cross-origin redirect, but not an API-key header, a
 * cookie or a key in the query string. Requests without credentials use plain `fetch`.
 */
export async function fetchKeepingCredentials(fetchImpl: typeof fetch, url: URL, init: RequestInit, applied: AppliedAuth, attempt?: BodyRead): Promise<Response> {
  let current = url;
  let request: RequestInit = { ...init, redirect: "manual" };
  for (let hop = 0; ; hop++) {
    const response = await fetchImpl(current.href, request);
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect") {
      throw new TypeError(`${init.method ?? "GET"} ${current.origin} answered with a redirect that this runtime hides from scripts; it was not followed so that credentials are not sent elsewhere`);
    }
    const { status } = response;
    if (![301, 302, 303, 307, 308].includes(status) || location === null || hop >= 5) return response;
    await response.body?.cancel().catch(() => undefined);
    // A `fetch` that ignores its signal may still hand over a redirect after the attempt ended: do not follow it.
    if (attempt?.aborted) throw attempt.reason;
    const next = new URL(location, current);
    const headers = new Headers(request.headers);
    if (next.origin !== url.origin) {
      for (const name of applied.headers) headers.delete(name);
      for (const name of applied.query) next.searchParams.delete(name);
    }
    // RFC 9110 §15.4: a 303 (and, by long practice, a 301/302 after POST) continues as a GET without a body.
    const toGet = status === 303 || (status < 303 && request.method === "POST");
    if (toGet) headers.delete("content-type");
    request = { ...request, headers, ...(toGet ? { method: "GET", body: null } : {}) };
    current = next;
  }
}
