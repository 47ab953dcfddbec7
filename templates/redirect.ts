import type { AppliedAuth } from "./auth.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * `fetch` that follows redirects itself when credentials were added, so they never reach another
 * origin: `fetch` drops `Authorization` on a cross-origin redirect, but not an API-key header, a
 * cookie or a key in the query string. Without credentials, plain `fetch` follows as usual.
 */
export async function fetchKeepingCredentials(fetchImpl: typeof fetch, url: URL, init: RequestInit, applied: AppliedAuth): Promise<Response> {
  if (applied.headers.length === 0 && applied.query.length === 0) return fetchImpl(url.href, init);
  let current = url;
  let request: RequestInit = { ...init, redirect: "manual" };
  for (let hop = 0; ; hop++) {
    const response = await fetchImpl(current.href, request);
    const location = response.headers.get("location");
    if (response.type === "opaqueredirect") {
      throw new TypeError(`${init.method ?? "GET"} ${current.origin} answered with a redirect that this runtime hides from scripts; it was not followed so that credentials are not sent elsewhere`);
    }
    if (!REDIRECT_STATUSES.has(response.status) || location === null || hop >= MAX_REDIRECTS) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(location, current);
    const headers = new Headers(request.headers);
    if (next.origin !== url.origin) {
      for (const name of applied.headers) headers.delete(name);
      for (const name of applied.query) next.searchParams.delete(name);
    }
    // RFC 9110 §15.4: a 303 (and, by long practice, a 301/302 after POST) continues as a GET without a body.
    const toGet = response.status === 303 || ((response.status === 301 || response.status === 302) && request.method === "POST");
    if (toGet) headers.delete("content-type");
    request = { ...request, headers, ...(toGet ? { method: "GET", body: null } : {}) };
    current = next;
  }
}
