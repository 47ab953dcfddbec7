import { describeMethod } from "./method.js";
import { kebabCase, memberName, pascalCase, uniqueName } from "./names.js";
import type { SpecOperation } from "./operations.js";
import type { ApiMethod, HttpMethod, MethodKind, Resource } from "./types.js";

/** A path split into resource names and parameters; `/repos/{owner}/{repo}/issues` → [repos, {owner}, {repo}, issues]. */
type Segment = { kind: "static"; name: string } | { kind: "param" };

/** The place an operation lands in the tree and what its path addresses there. */
type Role = "collection" | "item" | "singleton" | "action";

interface Placement {
  op: SpecOperation;
  /** Resource names from the root, e.g. ["repos", "issues", "comments"]. */
  chain: string[];
  role: Role;
  /** For actions: the method name taken from the last path segment. */
  actionName?: string;
}

const VERSION_SEGMENT = /^(v\d+([._-]\d+)*|\d{4}-\d{2}-\d{2})$/i;

export function parsePath(path: string): Segment[] {
  return path
    .split("/")
    .filter(Boolean)
    .map((raw): Segment => (raw.includes("{") ? { kind: "param" } : { kind: "static", name: raw.replace(/\.[A-Za-z0-9]+$/, "") }))
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
function place(ops: SpecOperation[]): Placement[] {
  const parsed = ops.map((op) => parsePath(op.path));
  const skip = commonPrefixLength(parsed);
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
    if (last === undefined || last.kind === "param") return { op, chain: chain.length ? chain : ["root"], role: "item" };
    if (itemChains.has(key)) return { op, chain, role: "collection" };
    const siblings = opsByPath.get(op.path)!;
    const followsItem = segments.at(-2)?.kind === "param";
    if (followsItem && siblings.every((o) => o.httpMethod === "post") && !looksPlural(last.name)) {
      return { op, chain: chain.slice(0, -1), role: "action", actionName: memberName(last.name) };
    }
    // With no item path beside it, a static path is a collection if something is POSTed into it
    // or listed from it, and otherwise (under an item) a singleton such as /users/{id}/profile.
    const collection = !followsItem || siblings.some((o) => o.httpMethod === "post" || returnsArray(o));
    return { op, chain, role: collection ? "collection" : "singleton" };
  });
}

function looksPlural(name: string): boolean {
  return /[^s]s$/i.test(name.replace(/[^A-Za-z]+$/, ""));
}

function returnsArray(op: SpecOperation): boolean {
  if (op.httpMethod !== "get") return false;
  return op.responses.some(([status, response]) =>
    status.startsWith("2") && Object.values(response.content ?? {}).some((media) => (media as { schema?: { type?: unknown } }).schema?.type === "array"),
  );
}

/** The REST table (see docs): which name an HTTP method gets for each role; absent means "name it from the operationId". */
const CANONICAL: Record<Role, Partial<Record<HttpMethod, MethodKind>>> = {
  collection: { get: "list", post: "create" },
  item: { get: "get", put: "put", patch: "patch", delete: "delete", head: "head", options: "options" },
  singleton: { get: "get", put: "put", patch: "patch", delete: "delete", head: "head", options: "options" },
  action: { post: "action" },
};

function fallbackName(op: SpecOperation): string {
  if (op.operation.operationId) return memberName(op.operation.operationId);
  return memberName(`${op.httpMethod} ${op.path}`);
}

interface Node {
  name: string;
  chain: string[];
  placements: Placement[];
  children: Map<string, Node>;
}

/** Builds the resource tree; every operation becomes exactly one method. Warnings report renamed collisions. */
export function buildResources(ops: SpecOperation[]): { resources: Resource[]; warnings: string[] } {
  const root: Node = { name: "", chain: [], placements: [], children: new Map() };
  for (const placement of place(ops)) {
    let node = root;
    for (const name of placement.chain) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { name, chain: [...node.chain, name], placements: [], children: new Map() }));
      node = child;
    }
    node.placements.push(placement);
  }
  const warnings: string[] = [];
  const classNames = new Set<string>();
  const fileNames = new Set<string>();
  const toResource = (node: Node): Resource => {
    const children = [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name)).map(toResource);
    return {
      name: node.name,
      className: uniqueName(pascalCase(node.chain.join(" "), "Root"), classNames),
      fileName: uniqueName(kebabCase(node.chain.join(" ")), fileNames),
      methods: nameMethods(node, new Set(children.map((c) => c.name)), warnings),
      children,
    };
  };
  const resources = [...root.children.values()].sort((a, b) => a.name.localeCompare(b.name)).map(toResource);
  if (root.placements.length > 0) {
    // Paths with no static segment at all (`/` or `/{id}`): gathered on a `root` resource.
    resources.push(toResource({ ...root, name: "root", chain: ["root"], children: new Map() }));
  }
  return { resources, warnings };
}

const KIND_ORDER: MethodKind[] = ["list", "create", "get", "put", "patch", "delete", "head", "options", "action", "operation"];

function nameMethods(node: Node, childNames: Set<string>, warnings: string[]): ApiMethod[] {
  const taken = new Set(childNames);
  const owners = new Map<string, SpecOperation>();
  const methods: ApiMethod[] = [];
  const ordered = [...node.placements].sort(
    (a, b) => a.op.path.localeCompare(b.op.path) || a.op.httpMethod.localeCompare(b.op.httpMethod),
  );
  for (const placement of ordered) {
    const kind = CANONICAL[placement.role][placement.op.httpMethod] ?? "operation";
    const wanted = kind === "action" ? placement.actionName! : kind === "operation" ? fallbackName(placement.op) : kind;
    let name = wanted;
    if (taken.has(name)) {
      const fallback = fallbackName(placement.op);
      name = uniqueName(fallback, taken);
      const other = owners.get(wanted);
      warnings.push(
        `${describe(placement.op)} would be ${node.chain.join(".")}.${wanted}()` +
          (other ? `, already taken by ${describe(other)}` : ", a name already in use") +
          `; generated as ${node.chain.join(".")}.${name}()`,
      );
    } else {
      taken.add(name);
    }
    owners.set(name, placement.op);
    methods.push(describeMethod(placement.op, name, name === wanted ? kind : "operation"));
  }
  for (const method of methods) {
    if (method.kind === "put" && !taken.has("update")) {
      taken.add("update");
      method.aliases.push("update");
    }
  }
  return methods.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}

function describe(op: SpecOperation): string {
  return `${op.httpMethod.toUpperCase()} ${op.path}${op.operation.operationId ? ` (${op.operation.operationId})` : ""}`;
}
