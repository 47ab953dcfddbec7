/**
 * Timeouts and cancellation against a real socket: a loopback `node:http` server on 127.0.0.1
 * that stalls, so the per-attempt timeout and the AbortSignal are exercised end to end.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConnectionError, NotFoundError, OutcomeUnknownError, TimeoutError } from "../../templates/errors.js";
import { createHttpClient, type ClientConfig, type Endpoint } from "../../templates/http-client.js";
import { rejection } from "../support/nock-recorder.js";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
let received: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }>;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  nock.enableNetConnect();
});

function reset(next: Handler) {
  received = [];
  handler = next;
}

function client(config: Partial<ClientConfig> = {}) {
  const delays: number[] = [];
  const sleep = vi.fn(async (ms: number, signal: AbortSignal | undefined) => {
    delays.push(ms);
    signal?.throwIfAborted();
  });
  return { delays, sleep, client: createHttpClient({ baseUrl, timers: { sleep, random: () => 0.5, now: Date.now }, ...config }) };
}


const never: Handler = () => {};
const CREATE: Endpoint = { method: "POST", path: "/orders", retrySafe: false, bodyFormat: "json" };
const GET: Endpoint = { method: "GET", path: "/orders/1", retrySafe: true };

describe("(i) per-attempt timeout", () => {
  it("POST to a server that never answers → TimeoutError after exactly one request", async () => {
    reset(never);
    const { client: api, sleep } = client();
    const started = Date.now();

    const error = await rejection(api.request(CREATE, { timeoutMs: 500 }, { item: "book" }));

    expect(error).toBeInstanceOf(TimeoutError);
    const e = error as TimeoutError;
    expect(e.name).toBe("TimeoutError");
    expect(e.attempts).toBe(1);
    expect(e.method).toBe("POST");
    expect(e.url).toBe(`${baseUrl}/orders`);
    expect(e.message).toMatch(/timed out after 500 ms/);
    expect(e.message).toMatch(/may have processed it/);
    expect(e.message).toMatch(/not retried because POST is not idempotent/);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Give a stray retry a moment to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toBe('{"item":"book"}');
    expect(sleep).not.toHaveBeenCalled();
  });

  it("client-level timeoutMs applies too", async () => {
    reset(never);
    const { client: api } = client({ timeoutMs: 500 });
    const error = await rejection(api.request(CREATE, {}, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(received).toHaveLength(1);
  });

  it("GET that times out is retried, each attempt with its own timeout, then TimeoutError with attempts 3", async () => {
    reset(never);
    const { client: api, delays } = client();
    const error = await rejection(api.request(GET, { timeoutMs: 500 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(3);
    expect((error as TimeoutError).message).not.toMatch(/not idempotent/);
    expect(received).toHaveLength(3);
    expect(delays).toEqual([250, 500]);
  });

  it("GET that times out once then succeeds", async () => {
    let calls = 0;
    reset((_req, res) => {
      if (++calls === 1) return;
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":1}');
    });
    const { client: api } = client();
    const result = await api.request(GET, { timeoutMs: 500 }).withResponse();
    expect(result.data).toEqual({ id: 1 });
    expect(result.attempts).toBe(2);
  });

  it("a response that arrives in time is not affected by the timeout", async () => {
    reset((_req, res) => void setTimeout(() => res.writeHead(201, { "content-type": "application/json", location: "/orders/9" }).end('{"id":9}'), 20));
    const { client: api } = client();
    const result = await api.request(CREATE, { timeoutMs: 1_000 }, {}).withResponse();
    expect(result.status).toBe(201);
    expect(result.location).toBe("/orders/9");
    expect(result.data).toEqual({ id: 9 });
  });

  it("also covers a body that stops arriving after the headers", async () => {
    reset((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    });
    const { client: api } = client();
    const started = Date.now();
    const error = await rejection(api.request(CREATE, { timeoutMs: 500 }, {}));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });
});

describe("reading the body within the attempt", () => {
  const stallBody: Handler = (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"partial":');
  };

  it("GET whose body stalls is retried like any timed-out attempt", async () => {
    let calls = 0;
    reset((req, res, body) => {
      if (++calls === 1) return stallBody(req, res, body);
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":1}');
    });
    const { client: api, delays } = client();
    const result = await api.request(GET, { timeoutMs: 500 }).withResponse();
    expect(result.data).toEqual({ id: 1 });
    expect(result.attempts).toBe(2);
    expect(delays).toEqual([250]);
    expect(received).toHaveLength(2);
  });

  it("POST whose connection is cut mid-body → ConnectionError after one request", async () => {
    reset((_req, res) => {
      res.writeHead(201, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":', () => res.socket?.destroy());
    });
    const { client: api, sleep } = client();
    const error = await rejection(api.request(CREATE, {}, {}));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).attempts).toBe(1);
    // The status line arrived: the server certainly received the request.
    expect((error as OutcomeUnknownError).requestSent).toBe(true);
    expect((error as OutcomeUnknownError).message).toMatch(/had begun to answer/);
    expect((error as ConnectionError).message).toMatch(/not retried because POST is not idempotent/);
    expect(received).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("an error response whose body stalls still ends at the timeout with the HTTP error", async () => {
    reset((_req, res) => {
      res.writeHead(404, { "content-type": "text/plain", "content-length": "100" });
      res.write("no such");
    });
    const { client: api } = client();
    const started = Date.now();
    const error = await rejection(api.request(GET, { timeoutMs: 500 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).attempts).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });

  it("aborting while an error body is arriving rejects with the reason", async () => {
    reset((_req, res) => {
      res.writeHead(409, { "content-type": "application/json", "content-length": "100" });
      res.write("{");
    });
    const { client: api } = client();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const promise = api.request(GET, { signal: controller.signal, timeoutMs: 5_000 });
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejection(promise)).toBe(reason);
  });
});

describe("(h) cancelling a request in flight", () => {
  it("aborting while waiting for the response rejects with the reason, no retry", async () => {
    reset(never);
    const { client: api, sleep } = client();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const promise = api.request(GET, { signal: controller.signal, timeoutMs: 5_000 });
    setTimeout(() => controller.abort(reason), 30);
    expect(await rejection(promise)).toBe(reason);
    expect(sleep).not.toHaveBeenCalled();
    expect(received).toHaveLength(1);
  });

  it("aborting while the body is still arriving rejects with the reason", async () => {
    reset((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"partial":');
    });
    const { client: api } = client();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const promise = api.request(GET, { signal: controller.signal, timeoutMs: 5_000 });
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    expect(await rejection(promise)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received).toHaveLength(1);
  });
});

describe("connection failures on a real socket", () => {
  it("POST whose connection is cut → ConnectionError after one request, naming the reason", async () => {
    reset((req) => req.socket.destroy());
    const { client: api, sleep } = client();
    const error = await rejection(api.request(CREATE, {}, { item: "book" }));
    expect(error).toBeInstanceOf(ConnectionError);
    const e = error as ConnectionError;
    expect(e.attempts).toBe(1);
    expect(e.message).toMatch(/may have reached the server/);
    expect(e.message).toMatch(/not retried because POST is not idempotent/);
    expect(e.message).not.toMatch(/\[object Object\]/);
    expect(received).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("GET whose connection is cut once is retried and succeeds", async () => {
    let calls = 0;
    reset((req, res) => {
      if (++calls === 1) return void req.socket.destroy();
      res.writeHead(200, { "content-type": "text/plain" }).end("fine");
    });
    const { client: api, delays } = client();
    const result = await api.request(GET).withResponse();
    expect(result.data).toBe("fine");
    expect(result.attempts).toBe(2);
    expect(delays).toEqual([250]);
  });
});

describe("a refused connection on a real socket", () => {
  /** A loopback port with nothing listening: bound, then closed. */
  async function closedPort(): Promise<string> {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
  }

  it("POST → ConnectionError with requestSent false, sent once, not an OutcomeUnknownError", async () => {
    const { client: api, sleep } = client({ baseUrl: await closedPort() });
    const error = (await rejection(api.request(CREATE, {}, { item: "book" }))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(OutcomeUnknownError);
    expect(error.requestSent).toBe(false);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toMatch(/never sent/);
    expect(error.message).toMatch(/not retried because POST is not idempotent/);
    expect(sleep).not.toHaveBeenCalled();
  });

  it("GET → retried, then ConnectionError with attempts 3", async () => {
    const { client: api, delays } = client({ baseUrl: await closedPort() });
    const error = (await rejection(api.request(GET))) as ConnectionError;
    expect(error.requestSent).toBe(false);
    expect(error.attempts).toBe(3);
    expect(delays).toEqual([250, 500]);
  });
});
