import type { OpenAPI3 } from "openapi-typescript";

/**
 * A component that is only a `$ref` to another component of its kind (`requestBodies.NoteAlias:
 * { $ref: "#/components/requestBodies/Note" }`) is typed by openapi-typescript as an empty
 * `content: { "*\/*"?: never }`, so the body the SDK declares for it does not exist. The alias is
 * replaced by the component it names (followed through chains), which types it like the original.
 */
const SECTIONS = ["requestBodies", "responses", "parameters", "headers"] as const;

export function hasComponentAliases(document: OpenAPI3): boolean {
  const components = document.components as Record<string, Record<string, unknown> | undefined> | undefined;
  return SECTIONS.some((section) => Object.values(components?.[section] ?? {}).some((entry) => aliasTarget(section, entry) !== undefined));
}

export function resolveComponentAliases(document: OpenAPI3): OpenAPI3 {
  const components = { ...(document.components as Record<string, Record<string, unknown> | undefined>) };
  for (const section of SECTIONS) {
    const entries = components[section];
    if (!entries) continue;
    const resolved: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(entries)) resolved[name] = follow(section, entries, entry);
    components[section] = resolved;
  }
  return { ...document, components } as OpenAPI3;
}

function follow(section: string, entries: Record<string, unknown>, entry: unknown): unknown {
  let current = entry;
  // Bounded: a cycle of aliases is left as it is (the load stage reports it).
  for (let depth = 0; depth < 32; depth++) {
    const target = aliasTarget(section, current);
    if (target === undefined || !(target in entries)) return current;
    current = entries[target];
  }
  return entry;
}

/** `X` when `entry` is exactly `{ $ref: "#/components/<section>/X" }`. */
function aliasTarget(section: string, entry: unknown): string | undefined {
  const ref = (entry as { $ref?: unknown } | null)?.$ref;
  const prefix = `#/components/${section}/`;
  if (typeof ref !== "string" || !ref.startsWith(prefix)) return undefined;
  return ref.slice(prefix.length).replace(/~1/g, "/").replace(/~0/g, "~");
}
