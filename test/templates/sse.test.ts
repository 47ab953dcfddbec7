import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "../../templates/http-client.js";
import { readEventStream, type ServerSentEvent } from "../../templates/sse.js";

function stream(text: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of text) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const all: ServerSentEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe("readEventStream", () => {
  it("parses events split anywhere across chunks: multi-line data, event names, ids, retry, comments, CRLF", async () => {
    const events = await collect(readEventStream(stream(["data: one\n", "\n: a comment\nevent: up", "date\ndata: {\"a\":1}\ndata: x\r\nid: 7\nretry: 1500\n\n", "data:no space\n\n"])));
    expect(events).toEqual([
      { event: "message", data: "one", id: undefined, retry: undefined },
      { event: "update", data: '{"a":1}\nx', id: "7", retry: 1500 },
      { event: "message", data: "no space", id: "7", retry: undefined },
    ]);
  });
});

describe("an operation answering text/event-stream", () => {
  let server: Server;
  let base: string;
  let open: ServerResponse | undefined;
  beforeAll(async () => {
    nock.enableNetConnect("127.0.0.1");
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: first\n\n");
      open = res;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("yields events as they arrive, outlives the attempt timeout, and ends with the stream", async () => {
    const api = createHttpClient({ baseUrl: base, timeoutMs: 100 });
    const events = await api.request<AsyncIterable<ServerSentEvent>>({ method: "GET", path: "/events", retrySafe: true, stream: readEventStream });
    const iterator = events[Symbol.asyncIterator]();
    expect((await iterator.next()).value.data).toBe("first");
    await new Promise((r) => setTimeout(r, 250)); // longer than timeoutMs: the stream stays open
    open!.write("event: tick\ndata: second\n\n");
    expect((await iterator.next()).value).toMatchObject({ event: "tick", data: "second" });
    open!.end();
    expect((await iterator.next()).done).toBe(true);
  });

  it("ends when the caller aborts", async () => {
    const controller = new AbortController();
    const api = createHttpClient({ baseUrl: base });
    const events = await api.request<AsyncIterable<ServerSentEvent>>({ method: "GET", path: "/events", retrySafe: true, stream: readEventStream }, { signal: controller.signal });
    const iterator = events[Symbol.asyncIterator]();
    expect((await iterator.next()).value.data).toBe("first");
    controller.abort(new Error("done listening"));
    await expect(iterator.next()).rejects.toThrow(/done listening/);
  });
});
