import type { ApiMethod, Resource } from "../model/types.js";

/** A call to show in the README: where the method hangs, its arguments, the whole statement. */
export interface Placed {
  /** Dotted path from the client, e.g. `repos.issues`. */
  chain: string;
  method: ApiMethod;
  args: string;
  call: string;
}

const SHOWN_RESOURCES = 5;
const CALLS_PER_RESOURCE = 2;
/** The calls a newcomer makes first, in this order. */
const FIRST_KINDS = ["get", "list", "create"] as const;

/**
 * The API's main resources, judged by size rather than name: the methods under a resource (its
 * own and its sub-resources'), doubled when it is a full collection (list and create), so GitHub
 * shows repos, orgs, issues and pulls, not advisories and agents. Up to two calls each.
 */
export function mainResources(resources: Resource[]): Placed[] {
  const candidates: Array<{ chain: string; resource: Resource; score: number }> = [];
  const visit = (resource: Resource, prefix: string): number => {
    const chain = `${prefix}${resource.name}`;
    const size = resource.methods.length + resource.children.reduce((total, child) => total + visit(child, `${chain}.`), 0);
    const kinds = new Set(resource.methods.map((m) => m.kind));
    if (FIRST_KINDS.some((kind) => kinds.has(kind))) candidates.push({ chain, resource, score: size * (kinds.has("list") && kinds.has("create") ? 2 : 1) });
    return size;
  };
  resources.forEach((resource) => visit(resource, ""));
  candidates.sort((a, b) => b.score - a.score || (a.chain < b.chain ? -1 : 1));
  return candidates.slice(0, SHOWN_RESOURCES).flatMap(({ chain, resource }) =>
    FIRST_KINDS.flatMap((kind) => resource.methods.filter((m) => m.kind === kind))
      .slice(0, CALLS_PER_RESOURCE)
      .map((method) => {
        const args = callArgs(method);
        return { chain, method, args, call: `await api.${chain}.${method.name}(${args})` };
      }),
  );
}

function callArgs(method: ApiMethod): string {
  const values = method.pathParams.map((p) => p.identifier);
  // An optional body is left out when nothing follows it (Stripe's GETs declare one).
  if (method.body && (method.body.required || method.queryRequired || method.headersRequired)) values.push("body");
  if (method.queryRequired || method.headersRequired) values.push("{ query }");
  return values.join(", ");
}
