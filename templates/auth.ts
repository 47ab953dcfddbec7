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
  headers: string[];
  query: string[];
}

export async function applyAuth(auth: AuthConfig | undefined, headers: Headers, url: URL): Promise<AppliedAuth> {
  const applied: AppliedAuth = { headers: [], query: [] };
  for (const [key, scheme] of Object.entries(auth?.schemes ?? {})) {
    const credential = auth?.credentials[key];
    if (credential === undefined) continue;
    if (scheme.type === "basic") {
      const { username, password } = credential as BasicCredential;
      headers.set("authorization", `Basic ${base64(`${username}:${password}`)}`);
      applied.headers.push("authorization");
      continue;
    }
    const value = typeof credential === "function" ? await credential() : String(credential);
    if (scheme.type === "bearer") {
      headers.set("authorization", `Bearer ${value}`);
      applied.headers.push("authorization");
    } else if (scheme.in === "header") {
      headers.set(scheme.name, value);
      applied.headers.push(scheme.name.toLowerCase());
    } else if (scheme.in === "query") {
      url.searchParams.set(scheme.name, value);
      applied.query.push(scheme.name);
    } else {
      const cookie = `${encodeURIComponent(scheme.name)}=${encodeURIComponent(value)}`;
      headers.set("cookie", headers.has("cookie") ? `${headers.get("cookie")}; ${cookie}` : cookie);
      applied.headers.push("cookie");
    }
  }
  return applied;
}

/** UTF-8 safe base64 without Node's Buffer. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The URL as messages and hooks show it: credential query parameters read `[redacted]`. */
export function redactUrl(url: URL, applied: AppliedAuth): string {
  if (applied.query.length === 0) return url.href;
  const copy = new URL(url.href);
  for (const name of applied.query) copy.searchParams.set(name, "[redacted]");
  return copy.href;
}
