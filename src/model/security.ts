import type { OpenAPI3, SecuritySchemeObject } from "openapi-typescript";
import { memberName, uniqueName } from "./names.js";
import { resolveLocal } from "./operations.js";
import type { AuthScheme } from "./types.js";

/**
 * The spec's security schemes as the client can apply them: bearer tokens (HTTP bearer, OAuth 2,
 * OpenID Connect access tokens), HTTP basic, and API keys in a header, query or cookie.
 */
export function securitySchemes(document: OpenAPI3, warnings: string[]): AuthScheme[] {
  const taken = new Set<string>();
  const schemes: AuthScheme[] = [];
  for (const [key, raw] of Object.entries(document.components?.securitySchemes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const scheme = resolveLocal<SecuritySchemeObject>(document, raw);
    const base = { key, property: uniqueName(memberName(key, "auth"), taken), description: scheme.description };
    if (scheme.type === "apiKey") schemes.push({ ...base, type: "apiKey", in: scheme.in, name: scheme.name });
    else if (scheme.type === "http" && /^bearer$/i.test(scheme.scheme)) schemes.push({ ...base, type: "bearer" });
    else if (scheme.type === "http" && /^basic$/i.test(scheme.scheme)) schemes.push({ ...base, type: "basic" });
    else if (scheme.type === "oauth2" || scheme.type === "openIdConnect") schemes.push({ ...base, type: "bearer" });
    else {
      taken.delete(base.property);
      warnings.push(`security scheme ${JSON.stringify(key)} (${describeScheme(scheme)}) is not supported: send its credentials with \`headers\``);
    }
  }
  return schemes;
}

function describeScheme(scheme: SecuritySchemeObject): string {
  return scheme.type === "http" ? `http ${scheme.scheme}` : scheme.type;
}
