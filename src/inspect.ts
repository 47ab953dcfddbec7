import type { ModelOptions } from "./model/index.js";
import type { ApiModel, Pagination, Resource } from "./model/types.js";
import { collectWarnings, ignoreWarnings, summarizeWarnings, WARNING_CATEGORIES, type Warning } from "./warnings.js";

/** The model, and every warning the spec gives (validation's included), with codes. */
export type Inspection = ApiModel & { diagnostics: Warning[] };

/** Loads and models a spec without generating anything: what `sdkwright inspect` shows. */
export async function inspect(input: string, options: { cwd?: string; model?: ModelOptions; ignoreWarnings?: string[]; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Inspection> {
  // Loaded on use: importing the package (for generate()) must not load Redocly on the main thread.
  const [{ loadSpec }, { buildModel }] = await Promise.all([import("./load/index.js"), import("./model/index.js")]);
  const { cwd, timeoutMs, signal } = options;
  const spec = await loadSpec(input, { ...(cwd === undefined ? {} : { cwd }), ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(signal ? { signal } : {}) });
  const model = buildModel(spec.document, options.model);
  return { ...model, diagnostics: ignoreWarnings(collectWarnings(spec.warnings, model), options.ignoreWarnings) };
}

/** The resource tree as `sdkwright inspect` prints it: each method with its HTTP call and retry class, then every warning by category. */
export function formatInspection(model: Inspection): string {
  const lines: string[] = [];
  const visit = (resource: Resource, depth: number) => {
    const indent = "  ".repeat(depth);
    lines.push(`${indent}${resource.name}`);
    for (const method of resource.methods) {
      const name = [method.name, ...method.aliases].join(" / ");
      const retry = method.retry.safe ? `retried (${method.retry.reason})` : `not retried (${method.retry.reason})`;
      const paging = method.pagination ? `  pages: ${describePagination(method.pagination)}` : "";
      lines.push(`${indent}  .${name.padEnd(Math.max(1, 30 - depth * 2))} ${method.httpMethod.toUpperCase().padEnd(7)} ${method.path}  ${retry}${paging}`);
    }
    resource.children.forEach((child) => visit(child, depth + 1));
  };
  model.resources.forEach((resource) => visit(resource, 0));
  for (const category of Object.keys(WARNING_CATEGORIES)) {
    const listed = model.diagnostics.filter((w) => w.category === category);
    if (listed.length === 0) continue;
    lines.push("", `${category} (${listed.length}): ${WARNING_CATEGORIES[category as keyof typeof WARNING_CATEGORIES]}`);
    for (const w of listed) lines.push(`  [${w.code}] ${w.message}${w.location?.pointer ? ` (#${w.location.pointer})` : ""}${w.fix ? `; fix: ${w.fix}` : ""}`);
  }
  if (model.diagnostics.length) lines.push("", summarizeWarnings(model.diagnostics), "silence a category or code with --ignore-warnings <name> or \"ignoreWarnings\" in the config");
  return lines.join("\n") + "\n";
}

/** `link`, `cursor (response_metadata.next_cursor → ?cursor)`, `after-item (last data[].id → ?starting_after)`: the scheme and what it reads. */
export function describePagination(pagination: Pagination): string {
  const items = pagination.items ? `${pagination.items}[]` : "[]";
  switch (pagination.scheme) {
    case "link":
      return "link (Link: rel=next)";
    case "next-url":
      return `next-url (${pagination.next})`;
    case "cursor":
      return `cursor (${pagination.cursor} → ?${pagination.param})`;
    case "after-item":
      return `after-item (last ${items}.${pagination.field} → ?${pagination.param}${pagination.hasMore ? `, while ${pagination.hasMore}` : ""})`;
    case "offset":
      return `offset (?${pagination.param} += items)`;
    case "page":
      return `page (?${pagination.param} += 1${pagination.first === 0 ? ", from 0" : ""})`;
  }
}
