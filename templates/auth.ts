import { addCookie } from "./attempt.js";

/**
 * Credentials from the spec's security schemes. A credential is a string or a function (sync or
 * async) called once per request, so tokens can be refreshed.
 */
export type Credential = string | (() => string | Promise<string>);

export interface BasicCredential {
  username: string;
  password: string;
}

export type SecurityScheme = { type: "bearer" } | { type: "basic" } | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

export interface AuthConfig {
  /** How each scheme is sent, from the spec (`SECURITY_SCHEMES` in client.ts). */
  schemes: Readonly<Record<string, SecurityScheme>>;
  /** The caller's credentials, keyed like `schemes`; schemes without one are skipped. */
  credentials: Readonly<Record<string, Credential | BasicCredential | undefined>>;
}

/** Where the credentials went, so they can be redacted from messages and dropped on a cross-origin redirect. */
export interface AppliedAuth {
  /** Lower-cased header names. */
  headers: string[];
  query: string[];
}

/** Adds the credentials to `headers` and `url`; undefined when there were none to add. */
export async function applyAuth(auth: AuthConfig, headers: Record<string, string>, url: URL): Promise<AppliedAuth | undefined> {
  const applied: AppliedAuth = { headers: [], query: [] };
  for (const [key, scheme] of Object.entries(auth.schemes)) {
    const credential = auth.credentials[key];
    if (credential === undefined) continue;
    if (scheme.type !== "apiKey") {
      headers["authorization"] =
        scheme.type === "basic"
          ? `Basic ${base64(`${(credential as BasicCredential).username}:${(credential as BasicCredential).password}`)}`
          : `Bearer ${await value(credential as Credential)}`;
      applied.headers.push("authorization");
    } else if (scheme.in === "query") {
      url.searchParams.set(scheme.name, await value(credential as Credential));
      applied.query.push(scheme.name);
    } else {
      const name = scheme.in === "cookie" ? "cookie" : scheme.name.toLowerCase();
      if (scheme.in === "cookie") addCookie(headers, scheme.name, await value(credential as Credential));
      else headers[name] = await value(credential as Credential);
      applied.headers.push(name);
    }
  }
  return applied.headers.length + applied.query.length ? applied : undefined;
}

async function value(credential: Credential): Promise<string> {
  return typeof credential === "function" ? credential() : String(credential);
}

/** UTF-8 safe base64 without Node's Buffer. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** The URL as messages and hooks show it: credential query parameters read `[redacted]`. */
export function redactUrl(url: URL, applied: AppliedAuth | undefined): string {
  if (!applied?.query.length) return url.href;
  const copy = new URL(url);
  for (const name of applied.query) copy.searchParams.set(name, "[redacted]");
  return copy.href;
}
