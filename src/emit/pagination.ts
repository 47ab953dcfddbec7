import type { ApiMethod, ApiModel, Pagination, Resource } from "../model/types.js";

/**
 * What a paginated method emits besides a plain one: an `Item` alias, `PageOptions` in its
 * options, `PagePromise<Response, Item>` as its result, and a `paginate(...)` call that carries
 * the scheme as a literal (JSON.stringify, so no spec text can break out of it).
 */

/** `PageItem<ReposIssuesListResponse, "">`: the item type, from the response type and the items field. */
export function pageItemType(pagination: Pagination, response: string): string {
  return `PageItem<${response}, ${JSON.stringify(pagination.items ?? "")}>`;
}

export function pageReturnType(response: string, item: string): string {
  return `PagePromise<${response}, ${item}>`;
}

/** `paginate(client, endpoint, options, scheme, body?)` in place of `client.request(endpoint, options, body?)`. */
export function paginateCall(args: string[], pagination: Pagination): string {
  const [endpoint, options, body] = args;
  return `paginate(client, ${endpoint}, ${options}, ${JSON.stringify(pagination)}${body ? `, ${body}` : ""})`;
}

/** The runtime names a paginated method's files use. */
export const PAGINATION_IMPORTS = ["PagePromise", "PageItem", "PageOptions"] as const;

export function isPaginated(method: ApiMethod): method is ApiMethod & { pagination: Pagination } {
  return method.pagination !== undefined;
}

/** A sentence for the method's TSDoc: how to walk the pages. */
export function pagingDoc(method: ApiMethod): string {
  if (!isPaginated(method)) return "";
  return "\n\nPaginated: awaiting the call gives the first page; `for await (const item of ...)` walks the items of every page, `.pages()` each page with its response (`maxItems`, `maxPages` bound the walk).";
}

/** The generated README's paragraph on paging, with the SDK's first paginated list as the example; none when nothing pages. */
export function paginationReadme(model: ApiModel): string[] {
  const found = firstPaginated(model.resources, "");
  if (!found) return [];
  const params = found.method.pathParams.map((p) => p.identifier);
  const call = `api.${found.call}(${params.join(", ")})`;
  const bounded = `api.${found.call}(${[...params, ...(found.method.body ? ["undefined"] : []), "{ maxPages: 3 }"].join(", ")})`;
  return [
    "## Pagination",
    "",
    "Lists that page (by `Link` header, next URL, cursor, offset or page number; `sdkwright inspect` shows which) are walked for you: awaiting the call gives the first page, and",
    "`for await` yields the items of every page, requesting the next page only when needed. Each page is a GET, retried as any GET;",
    "`signal` and `deadlineMs` cover the whole walk, and a page that fails throws its own error with `error.pagination` saying how far the walk got.",
    "",
    "```ts",
    `for await (const item of ${call}) console.log(item);`,
    `for await (const page of ${bounded}.pages()) console.log(page.status, page.items.length);`,
    "```",
    "",
  ];
}

function firstPaginated(resources: Resource[], prefix: string): { call: string; method: ApiMethod } | undefined {
  for (const resource of resources) {
    const method = resource.methods.find(isPaginated);
    if (method) return { call: `${prefix}${resource.name}.${method.name}`, method };
    const nested = firstPaginated(resource.children, `${prefix}${resource.name}.`);
    if (nested) return nested;
  }
  return undefined;
}
