/**
 * Pagination end to end at the runtime level: a loopback `node:http` server pages each way the
 * generator detects (Link header, next URL in the body, body cursor, after-item, offset, page),
 * and misbehaves the ways real servers do (an empty last page, a cursor that repeats, a failure
 * in the middle of a walk, a next link to another origin).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, TimeoutError } from "../../templates/errors.js";
import { createHttpClient, type Endpoint } from "../../templates/http-client.js";
import { linkNext, paginate, type Pagination, type PaginationProgress } from "../../templates/paginate.js";

type Handler = (url: URL, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let requests: string[];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url!, baseUrl);
    requests.push(url.pathname + url.search);
    handler(url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  nock.enableNetConnect();
});

function serve(next: Handler) {
  requests = [];
  handler = next;
}

function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

const api = (config = {}) => createHttpClient({ baseUrl, retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 2 }, ...config });
const LIST: Endpoint = { method: "GET", path: "/things", retrySafe: true };

/** Items 1..total, `size` per page. */
const numbers = (from: number, size: number, total: number) => Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, i) => ({ id: from + i }));

async function collect<T>(iterable: AsyncIterable<T>, bound = 100): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length > bound) throw new Error("walk did not stop");
  }
  return out;
}

// [scheme, server, the requests a full walk makes]
const SCHEMES: Array<[string, Pagination, Handler, string[]]> = [
  [
    "RFC 8288 Link rel=next (GitHub)",
    { scheme: "link" },
    (url, res) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      const links = page < 3 ? { link: `<${baseUrl}/things?page=${page + 1}&per_page=2>; rel="next", <${baseUrl}/things?page=3&per_page=2>; rel="last"` } : {};
      json(res, numbers(page * 2 - 1, 2, 5), links);
    },
    ["/things?per_page=2", "/things?page=2&per_page=2", "/things?page=3&per_page=2"],
  ],
  [
    "next URL in the body, relative to the host (Twilio next_page_uri)",
    { scheme: "next-url", items: "calls", next: "next_page_uri" },
    (url, res) => {
      const page = Number(url.searchParams.get("Page") ?? 0);
      json(res, { calls: numbers(page * 2 + 1, 2, 5), next_page_uri: page < 2 ? `/things?Page=${page + 1}&PageToken=PA${page}` : null });
    },
    ["/things?per_page=2", "/things?Page=1&PageToken=PA0", "/things?Page=2&PageToken=PA1"],
  ],
  [
    "cursor in the body (Slack response_metadata.next_cursor)",
    { scheme: "cursor", items: "channels", param: "cursor", cursor: "response_metadata.next_cursor" },
    (url, res) => {
      const from = Number(url.searchParams.get("cursor")?.slice(1) ?? 1);
      json(res, { ok: true, channels: numbers(from, 2, 5), response_metadata: { next_cursor: from + 2 <= 5 ? `c${from + 2}` : "" } });
    },
    ["/things?per_page=2", "/things?per_page=2&cursor=c3", "/things?per_page=2&cursor=c5"],
  ],
  [
    "the last item's id while has_more (Stripe starting_after)",
    { scheme: "after-item", items: "data", param: "starting_after", field: "id", hasMore: "has_more" },
    (url, res) => {
      const from = Number(url.searchParams.get("starting_after") ?? 0) + 1;
      json(res, { object: "list", data: numbers(from, 2, 5), has_more: from + 2 <= 5 });
    },
    ["/things?per_page=2", "/things?per_page=2&starting_after=2", "/things?per_page=2&starting_after=4"],
  ],
  [
    "offset += items received, until an empty page",
    { scheme: "offset", param: "offset" },
    (url, res) => json(res, numbers(Number(url.searchParams.get("offset") ?? 0) + 1, 2, 5)),
    ["/things?per_page=2", "/things?per_page=2&offset=2", "/things?per_page=2&offset=4", "/things?per_page=2&offset=5"],
  ],
  [
    "page += 1 (page and per_page), until an empty page",
    { scheme: "page", items: "users", param: "page" },
    (url, res) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      json(res, { total_count: 5, users: numbers(page * 2 - 1, 2, 5) });
    },
    ["/things?per_page=2", "/things?per_page=2&page=2", "/things?per_page=2&page=3", "/things?per_page=2&page=4"],
  ],
  [
    "zero-based page numbers start the second page at 1",
    { scheme: "page", param: "Page", first: 0 },
    (url, res) => json(res, numbers(Number(url.searchParams.get("Page") ?? 0) * 2 + 1, 2, 5)),
    ["/things?per_page=2", "/things?per_page=2&Page=1", "/things?per_page=2&Page=2", "/things?per_page=2&Page=3"],
  ],
];

describe("each scheme walks every page", () => {
  it.each(SCHEMES)("%s", async (_name, scheme, server, expected) => {
    serve(server);
    const items = await collect(paginate<unknown, { id: number }>(api(), LIST, { query: { per_page: 2 } }, scheme));
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4, 5]);
    expect(requests).toEqual(expected);
  });
});

describe("a paginated call", () => {
  const stripe = SCHEMES[3]!;

  it("awaited, gives the first page's body as before; nothing more is requested", async () => {
    serve(stripe[2]);
    const first = await paginate<{ data: Array<{ id: number }>; has_more: boolean }, { id: number }>(api(), LIST, undefined, stripe[1]);
    expect(first).toEqual({ object: "list", data: [{ id: 1 }, { id: 2 }], has_more: true });
    expect(requests).toHaveLength(1);
  });

  it(".pages() yields each page with its response, status and number; the first page is the call's own request", async () => {
    serve(stripe[2]);
    const call = paginate<{ data: Array<{ id: number }> }, { id: number }>(api(), LIST, undefined, stripe[1]);
    await call;
    const pages = await collect(call.pages());
    expect(pages.map((p) => [p.page, p.status, p.items.map((i) => i.id)])).toEqual([
      [1, 200, [1, 2]],
      [2, 200, [3, 4]],
      [3, 200, [5]],
    ]);
    expect(pages[0]!.response).toBeInstanceOf(Response);
    expect(requests).toHaveLength(3);
  });

  it("maxItems and maxPages stop the walk without requesting more", async () => {
    serve(stripe[2]);
    expect((await collect(paginate<unknown, { id: number }>(api(), LIST, { maxItems: 3 }, stripe[1]))).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(requests).toHaveLength(2);
    serve(stripe[2]);
    expect((await collect(paginate<unknown, { id: number }>(api(), LIST, { maxPages: 1 }, stripe[1]))).map((i) => i.id)).toEqual([1, 2]);
    expect(requests).toHaveLength(1);
  });

  it("stops at an empty last page even when the server says there is more", async () => {
    serve((url, res) => json(res, { data: url.searchParams.has("starting_after") ? [] : numbers(1, 2, 2), has_more: true }));
    const items = await collect(paginate<unknown, { id: number }>(api(), LIST, undefined, stripe[1]));
    expect(items).toHaveLength(2);
    expect(requests).toEqual(["/things", "/things?starting_after=2"]);
  });

  it("stops when a cursor repeats instead of paging forever", async () => {
    serve((_url, res) => json(res, { channels: [{ id: 1 }], response_metadata: { next_cursor: "same" } }));
    const items = await collect(paginate<unknown, { id: number }>(api(), LIST, undefined, SCHEMES[2]![1]));
    expect(items).toHaveLength(2);
    expect(requests).toEqual(["/things", "/things?cursor=same"]);
  });

  it("stops when a Link header points back at a page already read", async () => {
    serve((_url, res) => json(res, [{ id: 1 }], { link: `<${baseUrl}/things?page=2>; rel="next"` }));
    expect(await collect(paginate<unknown, { id: number }>(api(), LIST, undefined, { scheme: "link" }))).toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it("a failure mid-walk throws the page's own error, saying how far the walk got; each page is retried as any GET", async () => {
    let thirdPage = 0;
    serve((url, res) => {
      const after = Number(url.searchParams.get("starting_after") ?? 0);
      if (after === 4) return void (++thirdPage === 1 ? json(res, { message: "busy" }, {}, 503) : json(res, { message: "gone" }, {}, 404));
      json(res, { data: numbers(after + 1, 2, 10), has_more: true });
    });
    const seen: number[] = [];
    const walk = async () => {
      for await (const item of paginate<unknown, { id: number }>(api(), LIST, undefined, stripe[1])) seen.push(item.id);
    };
    const error = await walk().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const progress = (error as NotFoundError & { pagination: PaginationProgress }).pagination;
    expect(progress).toEqual({ pages: 2, items: 4, next: { query: { starting_after: 4 } } });
    expect((error as Error).message).toMatch(/page 3 of a paginated list; 2 page\(s\) and 4 item\(s\) were read before it/);
    expect((error as NotFoundError).attempts).toBe(2);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it("deadlineMs covers the whole walk, not each page", async () => {
    serve((url, res) => {
      const after = Number(url.searchParams.get("starting_after") ?? 0);
      setTimeout(() => json(res, { data: numbers(after + 1, 1, 100), has_more: true }), 60);
    });
    const started = Date.now();
    const error = await collect(paginate<unknown, { id: number }>(api(), LIST, { deadlineMs: 200 }, stripe[1])).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error & { pagination: PaginationProgress }).pagination.pages).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("the caller's signal ends the walk", async () => {
    serve((url, res) => json(res, { data: numbers(Number(url.searchParams.get("starting_after") ?? 0) + 1, 1, 100), has_more: true }));
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of paginate<unknown, { id: number }>(api(), LIST, { signal: controller.signal }, stripe[1])) {
        seen.push(item.id);
        if (item.id === 2) controller.abort(new Error("enough"));
      }
    })().then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/enough/);
    expect(seen).toEqual([1, 2]);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it("a plain controller.abort() ends the walk with the signal's own AbortError, untouched", async () => {
    serve((url, res) => json(res, { data: numbers(Number(url.searchParams.get("starting_after") ?? 0) + 1, 1, 100), has_more: true }));
    const controller = new AbortController();
    const error = await (async () => {
      for await (const item of paginate<unknown, { id: number }>(api(), LIST, { signal: controller.signal }, stripe[1])) if (item.id === 2) controller.abort();
    })().then(() => undefined, (e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe("AbortError");
    expect(error).not.toHaveProperty("pagination");
  });

  it("never follows a next link to another origin (it would carry the credentials)", async () => {
    serve((_url, res) => json(res, [{ id: 1 }], { link: '<https://evil.example/things?page=2>; rel="next"' }));
    const error = await collect(paginate<unknown, { id: number }>(api({ headers: { authorization: "Bearer secret" } }), LIST, undefined, { scheme: "link" })).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/Not following the next page at https:\/\/evil\.example/);
    expect(requests).toEqual(["/things"]);
  });
});

describe("linkNext", () => {
  it.each([
    ['<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"', "https://a/x?page=2"],
    ['<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel=next', "https://a/x?page=3"],
    ['<https://a/x?a=1,2>; rel="last next"', "https://a/x?a=1,2"],
    ['<https://a/x?page=9>; rel="last"', undefined],
    ['<https://a/x?page=2>; rel="nextish"', undefined],
    [null, undefined],
  ])("%s → %s", (header, next) => {
    expect(linkNext(header)).toBe(next);
  });
});
