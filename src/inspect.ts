import type { ModelOptions } from "./model/index.js";
import type { ApiModel, Pagination, Resource } from "./model/types.js";

/** Loads and models a spec without generating anything: what `sdkwright inspect` shows. */
export async function inspect(input: string, options: { cwd?: string; model?: ModelOptions } = {}): Promise<ApiModel> {
  // Loaded on use: importing the package (for generate()) must not load Redocly on the main thread.
  const [{ loadSpec }, { buildModel }] = await Promise.all([import("./load/index.js"), import("./model/index.js")]);
  const spec = await loadSpec(input, options.cwd === undefined ? {} : { cwd: options.cwd });
  return buildModel(spec.document, options.model);
}

/** The resource tree as `sdkwright inspect` prints it: each method with its HTTP call and retry class, then the lint. */
export function formatInspection(model: ApiModel): string {
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
  if (model.lint.length) {
    lines.push("", `semantics (${model.lint.length}):`);
    for (const finding of model.lint) lines.push(`  ${finding.method} ${finding.path} → ${finding.call}(): ${finding.reason}`);
  }
  if (model.warnings.length) {
    lines.push("", `naming (${model.warnings.length}):`);
    for (const warning of model.warnings) lines.push(`  ${warning}`);
  }
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
