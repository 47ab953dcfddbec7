/**
 * Credentials from security schemes, against two real loopback servers (two origins): they are
 * sent to the API, redacted from messages and hooks, and never follow a redirect to another origin.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AuthConfig } from "../../templates/auth.js";
import { ApiError, InvalidResponseError, TimeoutError } from "../../templates/errors.js";
import { createHttpClient, type ClientConfig, type Endpoint } from "../../templates/http-client.js";

interface Seen {
  server: "api" | "other";
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Reply = (req: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };

let seen: Seen[] = [];
const replies: Record<"api" | "other", Reply> = { api: () => ({ status: 200 }), other: () => ({ status: 200 }) };
const servers: Server[] = [];
const origins: Record<"api" | "other", string> = { api: "", other: "" };

async function start(name: "api" | "other"): Promise<void> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({ server: name, method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const reply = replies[name](req);
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body ?? "{}");
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  origins[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  await start("api");
  await start("other");
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  nock.enableNetConnect();
});
beforeEach(() => {
  seen = [];
  replies.api = () => ({ status: 200 });
  replies.other = () => ({ status: 200 });
});

const SCHEMES: AuthConfig["schemes"] = {
  token: { type: "bearer" },
  key: { type: "apiKey", in: "header", name: "X-Api-Key" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  session: { type: "apiKey", in: "cookie", name: "sid" },
};

function client(credentials: AuthConfig["credentials"], config: Partial<ClientConfig> = {}) {
  return createHttpClient({ baseUrl: origins.api, auth: { schemes: SCHEMES, credentials }, retry: false, ...config });
}

const GET: Endpoint = { method: "GET", path: "/things", retrySafe: true };

describe("credentials", () => {
  it("sends a bearer token, an API key in a header, the query and a cookie", async () => {
    await client({ token: "t0k", key: "k3y", queryKey: "q", session: "s 1" }).request(GET);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBe("Bearer t0k");
    expect(seen[0]!.headers["x-api-key"]).toBe("k3y");
    expect(seen[0]!.headers.cookie).toBe("sid=s%201");
    expect(seen[0]!.url).toBe("/things?api_key=q");
  });

  it("calls a credential function before every request (token refresh)", async () => {
    let n = 0;
    const api = client({ token: async () => `t${++n}` });
    await api.request(GET);
    await api.request(GET);
    expect(seen.map((s) => s.headers.authorization)).toEqual(["Bearer t1", "Bearer t2"]);
  });

  it("encodes HTTP basic credentials as UTF-8", async () => {
    const api = createHttpClient({ baseUrl: origins.api, auth: { schemes: { basic: { type: "basic" } }, credentials: { basic: { username: "zoë", password: "p:w" } } } });
    await api.request(GET);
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from("zoë:p:w").toString("base64")}`);
  });

  it("sends nothing to an operation that declares no security", async () => {
    await client({ token: "t", key: "k", queryKey: "q" }).request({ ...GET, auth: false });
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers["x-api-key"]).toBeUndefined();
    expect(seen[0]!.url).toBe("/things");
  });

  it("redacts credentials from error messages and hooks", async () => {
    replies.api = () => ({ status: 404, body: '{"title":"nope"}' });
    const headersSeen: Array<Record<string, string>> = [];
    const urls: string[] = [];
    const error = await client({ key: "secret-key", queryKey: "secret-q", token: "secret-t" }, {
      onRequest: (info) => {
        headersSeen.push(info.headers);
        urls.push(info.url);
      },
    })
      .request(GET)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ApiError);
    const text = `${(error as ApiError).message} ${(error as ApiError).url} ${JSON.stringify(headersSeen)} ${urls.join(" ")}`;
    expect(text).not.toMatch(/secret/);
    expect(headersSeen[0]).toMatchObject({ authorization: "[redacted]", "x-api-key": "[redacted]" });
    expect(urls[0]).toContain("api_key=%5Bredacted%5D");
  });
});

describe("redirects", () => {
  it("never sends credentials to another origin", async () => {
    replies.api = () => ({ status: 307, headers: { location: `${origins.other}/elsewhere?api_key=q` } });
    await client({ token: "t", key: "k", queryKey: "q", session: "s" }).request({ ...GET, method: "PUT", bodyFormat: "json", contentType: "application/json" }, {}, { a: 1 });
    expect(seen.map((s) => `${s.server} ${s.method} ${s.url}`)).toEqual(["api PUT /things?api_key=q", "other PUT /elsewhere"]);
    const other = seen[1]!;
    expect(other.headers.authorization).toBeUndefined();
    expect(other.headers["x-api-key"]).toBeUndefined();
    expect(other.headers.cookie).toBeUndefined();
    expect(other.body).toBe('{"a":1}'); // 307 keeps the method and the body
  });

  it("keeps credentials on a same-origin redirect, and turns a 303 into a GET", async () => {
    let first = true;
    replies.api = () => (first ? ((first = false), { status: 303, headers: { location: "/result" } }) : { status: 200, body: '{"ok":true}' });
    const data = await client({ token: "t" }).request({ method: "POST", path: "/jobs", retrySafe: false, bodyFormat: "json", contentType: "application/json" }, {}, { x: 1 });
    expect(data).toEqual({ ok: true });
    expect(seen.map((s) => `${s.method} ${s.url} ${s.headers.authorization} ${s.body}`)).toEqual(["POST /jobs Bearer t {\"x\":1}", "GET /result Bearer t "]);
  });

  it("an attempt that timed out before a redirect arrived does not follow it", async () => {
    replies.api = (req) => (req.url === "/things" ? { status: 307, headers: { location: "/next" }, delayMs: 150 } : { status: 200 });
    const error = await client({ token: "t" }, { timeoutMs: 50 }).request(GET).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(seen.map((s) => s.url)).toEqual(["/things"]);
  });

  it("stops after five redirects and reports the last one", async () => {
    replies.api = (req) => ({ status: 302, headers: { location: `${req.url}x` } });
    const error = await client({ token: "t" }).request(GET).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect(seen).toHaveLength(6);
  });
});

describe("create() and replays", () => {
  it("parses the new resource's id from Location when it is the collection's URL plus one segment", async () => {
    const create: Endpoint = { method: "POST", path: "/pets", retrySafe: false, bodyFormat: "json", contentType: "application/json" };
    const cases: Array<[string, string | undefined]> = [["/pets/42", "42"], [`${origins.api}/pets/a%20b`, "a b"], ["/pets/42/photos", undefined], ["/other/42", undefined], [`${origins.other}/pets/1`, undefined]];
    for (const [location, id] of cases) {
      replies.api = () => ({ status: 201, headers: { location } });
      const result = await createHttpClient({ baseUrl: origins.api }).request(create, {}, { name: "x" }).withResponse();
      expect([location, result.id, result.created]).toEqual([location, id, true]);
    }
  });

  it("does not retry a PUT whose body is a stream: it cannot be sent twice", async () => {
    replies.api = () => ({ status: 503 });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("bytes"));
        controller.close();
      },
    });
    const api = createHttpClient({ baseUrl: origins.api, timers: { sleep: async () => undefined } });
    const error = await api.request({ method: "PUT", path: "/blob", retrySafe: true, bodyFormat: "binary", contentType: "application/octet-stream" }, {}, stream).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(seen.map((s) => `${s.method} ${s.body}`)).toEqual(["PUT bytes"]);
  });
});

describe("hostile responses", () => {
  it("a body over maxResponseBytes is an InvalidResponseError, declared or streamed, and not retried", async () => {
    const big = "x".repeat(5000);
    replies.api = () => ({ status: 200, headers: { "content-type": "text/plain" }, body: big });
    const api = createHttpClient({ baseUrl: origins.api, maxResponseBytes: 1000, timers: { sleep: async () => undefined } });
    const declared = await api.request(GET).then(() => undefined, (e: unknown) => e);
    expect(declared).toBeInstanceOf(InvalidResponseError);
    expect((declared as InvalidResponseError).reason).toBe("too-large");
    expect(seen).toHaveLength(1);

    // Chunked (no Content-Length): the limit is enforced while reading.
    const chunked = createHttpClient({
      baseUrl: origins.api,
      maxResponseBytes: 1000,
      fetch: async () => new Response(new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode(big)); c.close(); } }), { headers: { "content-type": "application/json" } }),
    });
    const streamed = await chunked.request(GET).then(() => undefined, (e: unknown) => e);
    expect((streamed as InvalidResponseError).reason).toBe("too-large");
  });

  it("malformed JSON on a 2xx is an InvalidResponseError that quotes the start of the body", async () => {
    replies.api = () => ({ status: 200, body: "{not json" });
    const error = await createHttpClient({ baseUrl: origins.api }).request(GET).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toMatch(/not valid JSON.*\{not json/);
    expect((error as InvalidResponseError).status).toBe(200);
  });
});
