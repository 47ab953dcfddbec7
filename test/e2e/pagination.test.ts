/**
 * The generated SDK of fixtures/pagination, compiled under strict and run against a loopback
 * server that pages each way: `for await` over a generated list method walks every page, typed.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, repoRoot, runCli } from "../support/sdk-build.mjs";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-paging-"));
let server: Server;
let baseUrl: string;
const requests: string[] = [];

function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}, status = 200) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** Two pages per list, the second one short; issues with per_page=99 fail on page 2. */
function route(url: URL, res: ServerResponse) {
  const q = url.searchParams;
  switch (url.pathname) {
    case "/customers": {
      const after = q.get("starting_after");
      return json(res, { object: "list", data: after ? [{ id: "cus_3" }] : [{ id: "cus_1" }, { id: "cus_2" }], has_more: !after });
    }
    case "/issues": {
      const page = Number(q.get("page") ?? 1);
      if (page === 2 && q.get("per_page") === "99") return json(res, { message: "Not Found" }, {}, 404);
      const next = page === 1 ? { link: `<${baseUrl}/issues?page=2&per_page=${q.get("per_page")}>; rel="next"` } : {};
      return json(res, page === 1 ? [{ number: 1 }, { number: 2 }] : [{ number: 3 }], next);
    }
    case "/conversations.list":
      return json(res, q.get("cursor") ? { ok: true, channels: [{ id: "C3" }], response_metadata: { next_cursor: "" } } : { ok: true, channels: [{ id: "C1" }, { id: "C2" }], response_metadata: { next_cursor: "dXNlcjpV" } });
    case "/calls":
      return json(res, q.get("Page") ? { calls: [{ sid: "CA3" }], next_page_uri: null } : { calls: [{ sid: "CA1" }, { sid: "CA2" }], next_page_uri: "/calls?Page=1&PageToken=PA1" });
    case "/events": {
      const offset = Number(q.get("offset") ?? 0);
      return json(res, offset < 4 ? [{ id: offset + 1 }, { id: offset + 2 }] : []);
    }
    case "/users": {
      const page = Number(q.get("page") ?? 1);
      return json(res, { total_count: 99, users: [{ login: `u${page}` }] });
    }
    case "/members":
      return json(res, q.get("token") ? { results: [{ name: "b" }], paging: {} } : { results: [{ name: "a" }], paging: { token: "t2" } });
    case "/tags":
      return json(res, ["x", "y"]);
  }
  json(res, { message: "no route" }, {}, 404);
}

beforeAll(async () => {
  nock.enableNetConnect("127.0.0.1");
  server = createServer((req, res) => {
    const url = new URL(req.url!, baseUrl);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    route(url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(work, { recursive: true, force: true });
});

describe("generated paginated lists", { timeout: 90_000 }, () => {
  it("compile under strict, type their items, and walk every page of each scheme", async () => {
    const generated = runCli(["generate", path.join(repoRoot, "fixtures/pagination/openapi.yaml"), "--out", path.join(work, "sdk"), "-q"]);
    expect(generated.code, generated.stderr).toBe(0);
    cpSync(path.join(repoRoot, "fixtures/pagination/consumer.ts"), path.join(work, "consumer.ts"));
    const tsc = compile(work);
    expect(tsc.output).toBe("");
    expect(tsc.code).toBe(0);

    const { walkEverything } = await import(pathToFileURL(path.join(work, "js", "consumer.js")).href);
    const { createClient } = await import(pathToFileURL(path.join(work, "js", "sdk", "index.js")).href);
    const result = await walkEverything(createClient({ baseUrl, retry: false }));
    expect(result).toEqual({
      firstIds: ["cus_1", "cus_2"],
      customers: ["cus_1", "cus_2", "cus_3"],
      issues: [1, 2, 3],
      channelPages: [2, 1],
      calls: ["CA1", "CA2", "CA3"],
      events: [1, 2, 3],
      users: ["u1", "u2"],
      members: ["a", "b"],
      tags: ["x", "y"],
      failure: { pages: 1, items: 2, next: { url: `${baseUrl}/issues?page=2&per_page=99` } },
    });
    expect(requests).toContain("GET /customers?limit=2&starting_after=cus_2");
    expect(requests).toContain("GET /conversations.list?cursor=dXNlcjpV");
    expect(requests).toContain("GET /calls?Page=1&PageToken=PA1");
    // maxItems: 3 stopped after the second page of events; maxPages: 2 after the second page of users.
    expect(requests.filter((r) => r.startsWith("GET /events"))).toEqual(["GET /events", "GET /events?offset=2"]);
    expect(requests.filter((r) => r.startsWith("GET /users"))).toEqual(["GET /users", "GET /users?page=2"]);
  });
});
