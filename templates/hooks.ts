/** Support for the observability hooks: they see no credentials and cannot break a request. */
const REDACTED_HEADERS = new Set(["authorization", "cookie", "x-api-key", "proxy-authorization"]);

/** The request headers as hooks see them: credentials replaced by `[redacted]`. */
export function redactHeaders(headers: Headers, credentialHeaders: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = REDACTED_HEADERS.has(name.toLowerCase()) || credentialHeaders.includes(name.toLowerCase()) ? "[redacted]" : value;
  });
  return out;
}

/** Runs a hook; a hook that throws or rejects must not change the outcome of the request. */
export function safely(run: () => unknown): void {
  try {
    const result = run();
    if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
    }
  } catch {
    // Ignored on purpose: observability must not break the call.
  }
}
