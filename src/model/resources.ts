import { describeMethod } from "./method.js";
import { lockPlacements, type NameLock } from "./name-lock.js";
import { kebabCase, memberName, pascalCase, uniqueName } from "./names.js";
import type { SpecOperation } from "./operations.js";
import { applyOverrides, describeOperation as describe, type Overrides } from "./overrides.js";
import { place, type Placement, type PlacementOptions } from "./placement.js";
import { detectPagination } from "./pagination.js";
import { derivedName, readsAsUpdate } from "./verb-names.js";
import type { ApiMethod, HttpMethod, MethodKind, Resource, Role } from "./types.js";

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

/**
 * The REST table's name for a placement; a POST that updates an item or singleton is `modify`:
 * not `update`, which is `put()`'s alias and promises an idempotent replace (stripe-python also
 * calls it `modify`).
 */
function placementKind(placement: Placement): MethodKind {
  if (placement.methodName) return "override";
  if (placement.rpc) return "action";
  const { role, op } = placement;
  if (op.httpMethod === "post" && (role === "item" || role === "singleton") && readsAsUpdate(op)) return "modify";
  return CANONICAL[role][op.httpMethod] ?? "operation";
}

interface Node {
  name: string;
  chain: string[];
  placements: Placement[];
  children: Map<string, Node>;
}

/** Builds the resource tree; every operation becomes exactly one method. Warnings report renamed collisions. */
export interface ModelOptions extends PlacementOptions {
  overrides?: Overrides;
  /** Replaces the spec's first server URL as the client's default. */
  baseUrl?: string;
  /** The generated client's default retry policy. */
  retry?: { maxRetries?: number; initialDelayMs?: number; maxDelayMs?: number } | false;
  /** The names of the previous generation, kept unless an override says otherwise. */
  lock?: NameLock;
}

export function buildResources(ops: SpecOperation[], options: ModelOptions = {}): { resources: Resource[]; warnings: string[] } {
  const root: Node = { name: "", chain: [], placements: [], children: new Map() };
  const warnings: string[] = [];
  const overrides = options.overrides ?? {};
  for (const placement of lockPlacements(applyOverrides(place(ops, options), overrides, warnings), options.lock, overrides, warnings)) {
    let node = root;
    // Paths with no static segment at all (`/`, `/{id}`) are gathered on a `root` resource.
    for (const name of placement.chain.length ? placement.chain : ["root"]) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { name, chain: [...node.chain, name], placements: [], children: new Map() }));
      node = child;
    }
    node.placements.push(placement);
  }
  const classNames = new Set<string>();
  const fileNames = new Set<string>();
  const toResource = (node: Node): Resource => {
    const children = [...node.children.values()].sort((a, b) => a.name.localeCompare(b.name)).map(toResource);
    return {
      name: node.name,
      className: uniqueName(pascalCase(node.chain.join(" "), "Root"), classNames),
      fileName: uniqueName(fileName(node.chain), fileNames),
      methods: nameMethods(node, new Set(children.map((c) => c.name)), warnings),
      children,
    };
  };
  const resources = [...root.children.values()].sort((a, b) => a.name.localeCompare(b.name)).map(toResource);
  return { resources, warnings };
}

/** Deeply nested resources (Microsoft Graph) make long names; file systems allow 255 bytes. */
const MAX_FILE_NAME = 120;

function fileName(chain: string[]): string {
  const name = kebabCase(chain.join(" "));
  if (name.length <= MAX_FILE_NAME) return name;
  // Keep the readable start and make the end unique and stable: a short hash of the whole name.
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return `${name.slice(0, MAX_FILE_NAME - 9).replace(/-+$/, "")}-${hash.toString(36).padStart(7, "0").slice(0, 8)}`;
}

const KIND_ORDER: MethodKind[] = ["list", "create", "get", "put", "patch", "modify", "delete", "head", "options", "action", "verb", "override", "operation"];

function nameMethods(node: Node, childNames: Set<string>, warnings: string[]): ApiMethod[] {
  const taken = new Set(childNames);
  const owners = new Map<string, SpecOperation>();
  const methods: ApiMethod[] = [];
  // Locked names first: a new operation never displaces an existing method.
  const ordered = [...node.placements].sort(
    (a, b) => Number(b.lockedName !== undefined) - Number(a.lockedName !== undefined) || a.op.path.localeCompare(b.op.path) || a.op.httpMethod.localeCompare(b.op.httpMethod),
  );
  const kinds = new Map(ordered.map((placement) => [placement, placementKind(placement)]));
  // Names the REST table, actions and overrides want here: a name derived from words never takes one.
  const wanted = (placement: Placement, kind: MethodKind) => placement.methodName ?? (kind === "action" ? placement.actionName! : kind);
  const reserved = new Set([...childNames, ...ordered.filter((p) => kinds.get(p) !== "operation").map((p) => wanted(p, kinds.get(p)!))]);
  const derive = (placement: Placement) => derivedName(placement.op, node.chain, new Set([...reserved, ...taken]));
  for (const placement of ordered) {
    let kind = kinds.get(placement)!;
    let fresh = kind === "operation" ? derive(placement) : wanted(placement, kind);
    if (fresh === undefined) fresh = fallbackName(placement.op);
    else if (kind === "operation") kind = "verb";
    // The lock file's name wins over every other (src/model/name-lock.ts); it keeps its kind only when it is still the fresh name.
    const want = placement.lockedName ?? fresh;
    if (want !== fresh) kind = "operation";
    let name = want;
    if (taken.has(name)) {
      const derived = derive(placement);
      name = derived ?? uniqueName(fallbackName(placement.op), taken);
      const other = owners.get(want);
      warnings.push(
        `${describe(placement.op)} would be ${node.chain.join(".")}.${want}()` +
          (other ? `, already taken by ${describe(other)}` : ", a name already in use") +
          `; generated as ${node.chain.join(".")}.${name}()`,
      );
      kind = derived ? "verb" : "operation";
    }
    taken.add(name);
    owners.set(name, placement.op);
    const method = describeMethod(placement.op, name, kind, placement.role);
    const pagination = detectPagination(placement.op, placement.pagination, warnings);
    if (pagination) method.pagination = pagination;
    methods.push(method);
  }
  for (const method of methods) {
    if (method.kind === "put" && !taken.has("update")) {
      taken.add("update");
      method.aliases.push("update");
    }
  }
  return methods.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
}
