import { memberName } from "./names.js";
import type { SpecOperation } from "./operations.js";
import { sourceVerb } from "./verb-names.js";
import { isArraySchema, responseShape } from "./response-shape.js";
import type { Role } from "./types.js";

/** A path split into resource names and parameters; `/repos/{owner}/{repo}/issues` → [repos, {owner}, {repo}, issues]. */
export type Segment = { kind: "static"; name: string; rpcMethod?: boolean } | { kind: "param" };

export interface Placement {
  op: SpecOperation;
  /** Resource names from the root, e.g. ["repos", "issues", "comments"]. */
  chain: string[];
  role: Role;
  /** For actions: the method name taken from the last path segment. */
  actionName?: string;
  /** An RPC-style path (`/chat.postMessage`): the action name holds whatever the HTTP method. */
  rpc?: boolean;
  /** Set by an `x-sdk-method` override. */
  methodName?: string;
  /** The name the previous generation gave it (the lock file): it wins over every other name. */
  lockedName?: string;
  /** A config override of the paging scheme (it wins over `x-sdk-pagination`). */
  pagination?: unknown;
}

export interface PlacementOptions {
  /** Strip the leading static segments all paths share (`/api`, `/v1`): default true. */
  stripCommonPrefix?: boolean;
}

const VERSION_SEGMENT = /^(v\d+([._-]\d+)*|\d{4}-\d{2}-\d{2})$/i;

const FILE_EXTENSION = /\.(json|xml|csv|ya?ml|txt|html?)$/i;

/**
 * Splits a path into segments. A file extension (`Messages.json`) is not part of a name; a
 * dotted RPC name (`/chat.postMessage`, `/admin.apps.approve`) is resources then a method.
 */
export function parsePath(path: string): Segment[] {
  return path
    .split("/")
    .filter(Boolean)
    .flatMap((raw): Segment[] => {
      if (raw.includes("{")) return [{ kind: "param" }];
      const name = raw.replace(FILE_EXTENSION, "");
      if (!/[A-Za-z0-9]/.test(name)) return []; // `.`, `..`, `@`: nothing to name a resource after
      const parts = name.split(".");
      // `chat.postMessage` is resources then a method; `info.0` (xkcd) or `v1.2` is just a name.
      if (parts.length < 2 || !parts.every((part) => /^[A-Za-z][A-Za-z0-9_]*$/.test(part))) return [{ kind: "static", name }];
      return parts.map((part, index) => ({ kind: "static", name: part, ...(index === parts.length - 1 ? { rpcMethod: true } : {}) }));
    })
    .filter((segment) => segment.kind === "param" || !VERSION_SEGMENT.test(segment.name));
}

/** Leading static segments every path shares (`/api`), kept only where some path would be left with no resource. */
export function commonPrefixLength(paths: Segment[][]): number {
  if (paths.length < 2) return 0;
  let length = 0;
  for (;;) {
    const first = paths[0]![length];
    if (first?.kind !== "static") return length;
    const shared = paths.every((segments) => {
      const segment = segments[length];
      return segment?.kind === "static" && segment.name === first.name;
    });
    const leavesResource = paths.every((segments) => segments.slice(length + 1).some((s) => s.kind === "static"));
    if (!shared || !leavesResource) return length;
    length++;
  }
}

/** Names the path's resources and decides what the path addresses: a collection, one item, a singleton or an action. */
export function place(ops: SpecOperation[], options: PlacementOptions = {}): Placement[] {
  const parsed = ops.map((op) => parsePath(op.path));
  const skip = options.stripCommonPrefix === false ? 0 : commonPrefixLength(parsed);
  const shapes = parsed.map((segments) => segments.slice(skip));
  const chainKey = (segments: Segment[]) =>
    segments.flatMap((s) => (s.kind === "static" ? [memberName(s.name, "resource")] : [])).join("/");
  const itemChains = new Set(shapes.filter((s) => s.at(-1)?.kind === "param").map(chainKey));
  const opsByPath = new Map<string, SpecOperation[]>();
  for (const op of ops) opsByPath.set(op.path, [...(opsByPath.get(op.path) ?? []), op]);

  return ops.map((op, index) => {
    const segments = shapes[index]!;
    const key = chainKey(segments);
    const chain = key === "" ? [] : key.split("/");
    const last = segments.at(-1);
    if (last === undefined || last.kind === "param") return { op, chain, role: "item" };
    const siblings = opsByPath.get(op.path)!;
    if (!last.rpcMethod && isSingleton(siblings, itemChains.has(key), last.name)) return { op, chain, role: "singleton" };
    if (itemChains.has(key)) return { op, chain, role: "collection" };
    if (last.rpcMethod) return { op, chain: chain.slice(0, -1), role: "action", actionName: memberName(last.name), rpc: true };
    const followsItem = segments.at(-2)?.kind === "param";
    if (followsItem && siblings.every((o) => o.httpMethod === "post") && !looksPlural(last.name)) {
      return { op, chain: chain.slice(0, -1), role: "action", actionName: memberName(last.name) };
    }
    // With no item path beside it, a static path is a collection if something is POSTed into it
    // or listed from it, and otherwise (under an item) a singleton such as /users/{id}/profile.
    const collection = !followsItem || siblings.some((o) => o.httpMethod === "post" || returnsArray(o) || (o.httpMethod === "get" && sourceVerb(o) === "list"));
    return { op, chain, role: collection ? "collection" : "singleton" };
  });
}

/**
 * A path whose GET returns one object (not an array, not a page of items) addresses one thing:
 * `/user`, `/repos/{owner}/{repo}/actions/permissions`. When something is POSTed into it, or an
 * item path of the same name exists (`/user/{account_id}`), the object must hold no array at
 * all, so a list wrapped in an object we do not recognise as a page stays a collection.
 */
function isSingleton(siblings: SpecOperation[], hasItemPath: boolean, name: string): boolean {
  const get = siblings.find((o) => o.httpMethod === "get");
  // The spec's own word wins over the shape: `list_guild_audit_log_entries` answers one object holding several lists.
  if (!get || sourceVerb(get) === "list") return false;
  const shape = responseShape(get);
  if (shape.kind !== "object") return false;
  const holdsArray = Object.values(shape.schema.properties ?? {}).some((p) => isArraySchema(get.document, p));
  // A singular name (`/charges/{charge}/dispute`) says one thing even when the object holds arrays.
  return !holdsArray || (!hasItemPath && (!looksPlural(name) || !siblings.some((o) => o.httpMethod === "post")));
}

function looksPlural(name: string): boolean {
  return /[^s]s$/i.test(name.replace(/[^A-Za-z]+$/, ""));
}

function returnsArray(op: SpecOperation): boolean {
  if (op.httpMethod !== "get") return false;
  const shape = responseShape(op).kind;
  return shape === "array" || shape === "page";
}
