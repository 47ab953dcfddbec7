import { memberName } from "./names.js";
import type { SpecOperation } from "./operations.js";
import type { Placement } from "./placement.js";

/** Where an operation goes when its path does not follow REST conventions. */
export interface MethodOverride {
  /** Resource path, e.g. `"repos.issues"` (or `["repos", "issues"]`). */
  resource?: string | string[];
  /** Method name, e.g. `"markRead"`. */
  method?: string;
  /** The list's paging scheme, as `x-sdk-pagination` takes it, or `false` to turn detection off. */
  pagination?: false | Record<string, string>;
}

/** From a config file: keyed by operationId or by `"METHOD /path"`. */
export type Overrides = Record<string, MethodOverride>;

/**
 * Applies `x-sdk-resource` / `x-sdk-method` from the spec and the config's overrides (which win).
 * An override moves or renames a method; it never changes how it is retried, which follows
 * from the HTTP method alone.
 */
export function applyOverrides(placements: Placement[], overrides: Overrides, warnings: string[]): Placement[] {
  return placements.map((placement) => {
    const { op } = placement;
    const extensions = op.operation as Record<string, unknown>;
    const fromConfig = (op.operation.operationId && overrides[op.operation.operationId]) || overrides[`${op.httpMethod.toUpperCase()} ${op.path}`] || {};
    const resource = fromConfig.resource ?? extensions["x-sdk-resource"];
    const method = fromConfig.method ?? extensions["x-sdk-method"];
    const where = `${op.httpMethod.toUpperCase()} ${op.path}`;
    const result: Placement = { ...placement };
    if (resource !== undefined) {
      const chain = resourceChain(resource);
      if (chain) result.chain = chain;
      else warnings.push(`${where}: ignoring x-sdk-resource ${JSON.stringify(resource)}: expected a dotted name such as "repos.issues"`);
    }
    if (method !== undefined) {
      if (typeof method === "string" && memberName(method, "") !== "") result.methodName = memberName(method);
      else warnings.push(`${where}: ignoring x-sdk-method ${JSON.stringify(method)}: expected a name such as "markRead"`);
    }
    if (fromConfig.pagination !== undefined) result.pagination = fromConfig.pagination;
    return result;
  });
}

function resourceChain(value: unknown): string[] | undefined {
  const parts = typeof value === "string" ? value.split(".") : Array.isArray(value) ? value : undefined;
  if (!parts || parts.length === 0 || !parts.every((part) => typeof part === "string" && memberName(part, "") !== "")) return undefined;
  return parts.map((part: string) => memberName(part));
}

export function describeOperation(op: SpecOperation): string {
  return `${op.httpMethod.toUpperCase()} ${op.path}${op.operation.operationId ? ` (${op.operation.operationId})` : ""}`;
}
