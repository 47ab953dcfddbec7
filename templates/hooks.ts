/** Support for the observability hooks: they see no credentials and cannot break a request. */

/** The request headers as hooks see them: credentials replaced by `[redacted]`. */
export function redactHeaders(headers: Headers, credentialHeaders: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = /^(authorization|cookie|x-api-key|proxy-authorization)$/.test(name) || credentialHeaders.includes(name) ? "[redacted]" : value;
  });
  return out;
}

/** Runs a hook; a hook that throws or rejects must not change the outcome of the request. */
export function safely(run: () => unknown): void {
  try {
    (run() as PromiseLike<unknown> | undefined)?.then?.(undefined, () => undefined);
  } catch {
    // Ignored on purpose: observability must not break the call.
  }
}
