import type { ApiMethod, Resource, WireNote } from "./types.js";

/** An operation whose HTTP method contradicts REST semantics (RFC 9110), with a one-line reason. */
export interface LintFinding {
  method: string;
  path: string;
  /** The generated call, e.g. `customers.postCustomersCustomer`. */
  call: string;
  rule: "put-on-collection" | "post-on-item" | "put-status" | "create-without-location" | WireNote["rule"];
  reason: string;
}

const RULES: Array<[LintFinding["rule"], (m: ApiMethod) => boolean, string]> = [
  ["put-on-collection", (m) => m.httpMethod === "put" && m.role === "collection", "PUT on a collection URI replaces the whole collection; named for its verb (set, replace), still retried as idempotent"],
  ["post-on-item", (m) => m.httpMethod === "post" && (m.role === "item" || m.role === "singleton"), "POST on an item URI is not idempotent (an update should be PUT or PATCH); named modify() or for its verb, never update(), and never retried"],
  ["put-status", (m) => m.httpMethod === "put" && !m.responses.some((r) => /^(200|201|204|2XX)$/i.test(r.status)), "PUT should answer 200, 201 or 204 (RFC 9110 §9.3.4)"],
  ["create-without-location", (m) => m.kind === "create" && !m.responses.some((r) => r.status === "201") && !m.declaresLocation, "create() should answer 201 Created with a Location header naming the new resource (RFC 9110 §15.3.2)"],
];

export function lintResources(resources: Resource[], prefix = ""): LintFinding[] {
  return resources.flatMap((resource) => {
    const here = `${prefix}${resource.name}`;
    const findings = resource.methods.flatMap((method) =>
      [...RULES.filter(([, applies]) => applies(method)).map(([rule, , reason]) => ({ rule, reason })), ...(method.wireNotes ?? [])].map(({ rule, reason }) => ({
        method: method.httpMethod.toUpperCase(),
        path: method.path,
        call: `${here}.${method.name}`,
        rule,
        reason,
      })),
    );
    return [...findings, ...lintResources(resource.children, `${here}.`)];
  });
}
