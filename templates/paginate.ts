import { ApiPromise, type ApiResponse } from "./api-promise.js";
import type { CallOptions, Endpoint } from "./config.js";
import type { HttpClient } from "./http-client.js";

/**
 * Lists that page. Awaiting a paginated method gives the first page, as any method does;
 * `for await (const item of api.repos.issues.list(owner, repo))` walks every page, and
 * `.pages()` gives each page with its response. Each page is a GET, retried as any GET; the
 * caller's `signal` and `deadlineMs` cover the whole walk.
 */

/** How a list pages (decided by the generator from the spec; see docs/resource-model.md). `items` is the dotted body field holding the items. */
export type Pagination = { items?: string; hasMore?: string } & (
  | { scheme: "link" }
  | { scheme: "next-url"; next: string }
  | { scheme: "cursor"; param: string; cursor: string }
  | { scheme: "after-item"; param: string; field: string }
  | { scheme: "offset"; param: string }
  | { scheme: "page"; param: string; first?: number }
);

/** Bounds on a walk; both count from the first page. */
export interface PageOptions {
  maxItems?: number;
  maxPages?: number;
}

/** One page: the response as `.withResponse()` gives it, plus its items and its number (1 for the first). */
export interface Page<T, Item> extends ApiResponse<T> {
  items: Item[];
  page: number;
}

/** How far a walk got before a page failed: set as `error.pagination` on the error thrown. */
export interface PaginationProgress {
  /** Pages read before the one that failed. */
  pages: number;
  /** Items yielded before it. */
  items: number;
  /** What the failed request asked for: the query it sent, or the URL it followed. */
  next: { query?: Record<string, unknown> | undefined; url?: string };
}

/** The item type of a page body `T` whose items are at the dotted field `K` ("" when the body is the array). */
export type PageItem<T, K extends string> = K extends ""
  ? T extends readonly (infer I)[]
    ? I
    : never
  : K extends `${infer Head}.${infer Rest}`
    ? T extends { [P in Head]?: infer V }
      ? PageItem<NonNullable<V>, Rest>
      : never
    : T extends { [P in K]?: infer V }
      ? NonNullable<V> extends readonly (infer I)[]
        ? I
        : never
      : never;

export class PagePromise<T, Item> extends ApiPromise<T> implements AsyncIterable<Item> {
  readonly #walk: () => AsyncGenerator<Page<T, Item>>;

  constructor(first: Promise<ApiResponse<T>>, walk: () => AsyncGenerator<Page<T, Item>>) {
    super(first);
    this.#walk = walk;
  }

  /** Every page in turn, the first one included (it is the request this call already sent). */
  pages(): AsyncIterable<Page<T, Item>> {
    return { [Symbol.asyncIterator]: () => this.#walk() };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item> {
    for await (const page of this.pages()) for (const item of page.items) yield item;
  }
}

type Next = { query?: Record<string, unknown> | undefined; url?: string };

/** The call a paginated method makes: the first page is requested now, the rest when iterated. */
export function paginate<T, Item>(client: HttpClient, endpoint: Endpoint, options: (CallOptions & PageOptions) | undefined, scheme: Pagination, body?: unknown): PagePromise<T, Item> {
  const { maxItems = Infinity, maxPages = Infinity, ...call } = options ?? {};
  const now = client.config.timers?.now ?? Date.now;
  const deadlineMs = call.deadlineMs ?? client.config.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? undefined : now() + deadlineMs;
  const first = client.request<T>(endpoint, call, body).withResponse();

  async function* walk(): AsyncGenerator<Page<T, Item>> {
    let response = await first;
    let next: Next = { query: call.query as Record<string, unknown> | undefined };
    const seen = new Set<string>();
    let items = 0;
    // Bounded: by the caller's maxPages/maxItems/deadline, an empty page, the end of the list, or a next page already seen.
    for (let pages = 1; ; pages++) {
      const all = itemsOf<Item>(response.data, scheme.items);
      const kept = all.slice(0, Math.max(0, maxItems - items));
      items += kept.length;
      yield { ...response, items: kept, page: pages };
      if (all.length === 0 || items >= maxItems || pages >= maxPages) return;
      let following: Next | undefined;
      try {
        following = nextPage(scheme, response, all, next, client.config.baseUrl);
      } catch (error) {
        throw withProgress(error, { pages, items, next }, call.signal);
      }
      if (!following) return;
      const key = JSON.stringify(following);
      if (seen.has(key)) return; // A server that repeats a cursor would otherwise page forever.
      seen.add(key);
      next = following;
      const remaining = deadlineAt === undefined ? undefined : Math.max(1, deadlineAt - now());
      try {
        const target = following.url === undefined ? endpoint : { ...endpoint, url: following.url };
        // A next URL carries its own query; the others change the first request's.
        const pageOptions: CallOptions = { ...call };
        if (following.url === undefined && following.query) pageOptions.query = following.query;
        else delete pageOptions.query;
        if (remaining !== undefined) pageOptions.deadlineMs = remaining;
        response = await client.request<T>(target, pageOptions, body).withResponse();
      } catch (error) {
        throw withProgress(error, { pages, items, next: following }, call.signal);
      }
    }
  }
  return new PagePromise<T, Item>(first, walk);
}

function nextPage(scheme: Pagination, response: ApiResponse<unknown>, items: unknown[], current: Next, baseUrl: string): Next | undefined {
  if (scheme.hasMore !== undefined && field(response.data, scheme.hasMore) === false) return undefined;
  const query = { ...current.query };
  switch (scheme.scheme) {
    case "link":
      return followUrl(linkNext(response.headers.get("link")), response, baseUrl);
    case "next-url": {
      const url = field(response.data, scheme.next);
      return followUrl(typeof url === "string" ? url : undefined, response, baseUrl);
    }
    case "cursor": {
      const cursor = field(response.data, scheme.cursor);
      return typeof cursor === "string" && cursor !== "" ? { query: { ...query, [scheme.param]: cursor } } : typeof cursor === "number" ? { query: { ...query, [scheme.param]: cursor } } : undefined;
    }
    case "after-item": {
      const id = field(items[items.length - 1], scheme.field);
      return typeof id === "string" || typeof id === "number" ? { query: { ...query, [scheme.param]: id } } : undefined;
    }
    case "offset":
      return { query: { ...query, [scheme.param]: (Number(query[scheme.param]) || 0) + items.length } };
    case "page":
      return { query: { ...query, [scheme.param]: (query[scheme.param] === undefined ? (scheme.first ?? 1) : Number(query[scheme.param])) + 1 } };
  }
}

/**
 * A next URL, resolved against the page that named it. Only one on the API's own origin is
 * followed: the request carries the client's credentials.
 */
function followUrl(url: string | undefined, response: ApiResponse<unknown>, baseUrl: string): Next | undefined {
  if (url === undefined || url === "") return undefined;
  // `location` exists in browsers only (and is not declared without lib DOM).
  const base = new URL(baseUrl, (globalThis as { location?: { href: string } }).location?.href);
  const resolved = new URL(url, response.response.url || base);
  if (resolved.origin !== base.origin) throw new Error(`Not following the next page at ${resolved.origin}: it is not the API's origin (${base.origin}), and the request would carry its credentials.`);
  return { url: resolved.href };
}

/** The `rel="next"` target of an RFC 8288 `Link` header. */
export function linkNext(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2]!)) return match[1];
  }
  return undefined;
}

function field(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split(".")) node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function itemsOf<Item>(data: unknown, path: string | undefined): Item[] {
  const items = path === undefined ? data : field(data, path);
  return Array.isArray(items) ? (items as Item[]) : [];
}

/**
 * Says how far the walk got on the error of a failed page. The caller's own abort reason is theirs
 * and is thrown untouched (it may be a `DOMException`, whose message cannot be written).
 */
function withProgress(error: unknown, progress: PaginationProgress, signal: AbortSignal | undefined): unknown {
  if (!(error instanceof Error) || (signal?.aborted && error === signal.reason)) return error;
  Object.defineProperty(error, "pagination", { value: progress, enumerable: true, configurable: true });
  error.message += ` (page ${progress.pages + 1} of a paginated list; ${progress.pages} page(s) and ${progress.items} item(s) were read before it)`;
  return error;
}
