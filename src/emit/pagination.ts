import type { ApiMethod, Pagination } from "../model/types.js";

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
