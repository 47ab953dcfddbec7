import { memberName } from "./names.js";
import type { SpecOperation } from "./operations.js";
import type { Overrides } from "./overrides.js";
import type { Placement } from "./placement.js";
import type { Resource } from "./types.js";

/**
 * The method each operation was generated as, keyed by `"METHOD /path"` (not by operationId, so a
 * renamed operationId keeps its method): `{ "GET /pets/{petId}": "pets.get" }`. Read from the
 * previous output's lock file, it makes regeneration keep every existing name; a new operation
 * whose name would collide gets another one instead of displacing the old method.
 */
export type NameLock = Record<string, string>;

export function operationKey(op: Pick<SpecOperation, "httpMethod" | "path">): string {
  return `${op.httpMethod.toUpperCase()} ${op.path}`;
}

/** `GET /pets/{id}` and `GET /pets/{petId}` are one operation whose path parameter was renamed. */
export function shapeOfKey(key: string): string {
  return key.replace(/\{[^}]*\}/g, "{}");
}

/** Every method of the model as `key → resource.path.method`, sorted by key. */
export function lockOf(resources: Resource[]): NameLock {
  const entries: Array<[string, string]> = [];
  const visit = (resource: Resource, chain: string[]) => {
    const here = [...chain, resource.name];
    for (const method of resource.methods) entries.push([operationKey(method), [...here, method.name].join(".")]);
    resource.children.forEach((child) => visit(child, here));
  };
  resources.forEach((resource) => visit(resource, []));
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Puts each locked operation back on its resource under its method name (`lockedName`, which the
 * naming step gives precedence). A config override of the operation wins over the lock: it is
 * the user's explicit decision. A lock entry whose path is gone matches an operation whose path
 * differs only in parameter names.
 */
export function lockPlacements(placements: Placement[], lock: NameLock | undefined, overrides: Overrides, warnings: string[]): Placement[] {
  if (!lock) return placements;
  const present = new Set(placements.map((placement) => operationKey(placement.op)));
  const byShape = new Map<string, string[]>();
  for (const key of Object.keys(lock)) if (!present.has(key)) byShape.set(shapeOfKey(key), [...(byShape.get(shapeOfKey(key)) ?? []), key]);
  return placements.map((placement) => {
    const key = operationKey(placement.op);
    const operationId = placement.op.operation.operationId;
    if ((operationId !== undefined && overrides[operationId]) || overrides[key]) return placement;
    const moved = byShape.get(shapeOfKey(key));
    const methodPath = Object.hasOwn(lock, key) ? lock[key] : moved?.length === 1 ? lock[moved[0]!] : undefined;
    if (methodPath === undefined) return placement;
    const parts = typeof methodPath === "string" ? methodPath.split(".") : [];
    if (parts.length < 2 || !parts.every((part) => part !== "" && memberName(part) === part)) {
      warnings.push(`${key}: ignoring the lock entry ${JSON.stringify(methodPath)}: expected a method path such as "pets.get"`);
      return placement;
    }
    return { ...placement, chain: parts.slice(0, -1), lockedName: parts.at(-1)! };
  });
}

/** What the lock kept, and why: each operation whose fresh name differs from the one it was generated with. */
export function keptNames(fresh: Resource[], locked: Resource[]): string[] {
  const now = lockOf(fresh);
  const holder = new Map(Object.entries(now).map(([key, methodPath]) => [methodPath, key]));
  return Object.entries(lockOf(locked))
    .filter(([key, methodPath]) => now[key] !== undefined && now[key] !== methodPath)
    .map(([key, methodPath]) => {
      const other = holder.get(methodPath);
      const why = other !== undefined && other !== key ? `${other} would take that name` : "the spec names it differently now (operationId, x-sdk-method or path)";
      return `${key}: kept ${methodPath}() from the lock file; named afresh it would be ${now[key]}() because ${why}; pass --rename to take the new names`;
    });
}
