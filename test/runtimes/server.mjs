// The loopback API every runtime's checks call (the spec is openapi.yaml next to this file).
// It logs every request with the connection it came on, so a check can count what reached it,
// and injects faults keyed by the ids and names the checks use:
//   PUT /v1/pets/503-*      the first request for the id gets 503 (Retry-After: 0)
//   PUT /v1/pets/reset-*    the first request for the id is answered with a TCP reset
//   GET /v1/pets/slow-<ms>  answered after <ms> milliseconds
//   POST /v1/pets { name: "reset" }          answered with a TCP reset, every time
//   POST /v1/orders { petIds: ["503", ...] } the first request for an Idempotency-Key gets 503
// With `trapReusedPost`, the first POST /v1/pets that arrives on a reused keep-alive connection is
// reset: how the platform's own HTTP stack reacts to that is measured (see README "Runtimes").
// Every response allows any origin (CORS) and exposes the headers the SDK reads.
import { createServer } from "node:http";
import { connect } from "node:net";

const EXPOSED = "Location, ETag, Retry-After";

/** Starts the API on 127.0.0.1; `keepAlive: false` closes every connection after one response. */
export async function startApi({ keepAlive = false, trapReusedPost = false } = {}) {
  const log = [];
  const pets = new Map();
  const faultsSeen = new Set();
  let connections = 0;
  let trapped = false;
  let nextId = 1;

  const server = createServer(async (req, res) => {
    const socket = req.socket;
    socket.sdkwrightId ??= ++connections;
    socket.sdkwrightRequests = (socket.sdkwrightRequests ?? 0) + 1;
    const url = new URL(req.url, "http://localhost");
    const cors = {
      "access-control-allow-origin": "*",
      "access-control-expose-headers": EXPOSED,
      ...(keepAlive ? {} : { connection: "close" }),
    };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE", "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*", "access-control-max-age": "600" });
      return res.end();
    }
    const body = await read(req);
    if (url.pathname === "/_log") return send(res, 200, cors, log.filter((entry) => entry.check === url.searchParams.get("check")));
    const entry = { check: req.headers["x-check"] ?? null, method: req.method, path: url.pathname, key: req.headers["idempotency-key"] ?? null, connection: socket.sdkwrightId, reused: socket.sdkwrightRequests > 1 };
    log.push(entry);
    const json = () => (body.length ? JSON.parse(body.toString("utf8")) : undefined);
    const once = (fault) => !faultsSeen.has(fault) && faultsSeen.add(fault);
    const reset = () => (socket.resetAndDestroy ? socket.resetAndDestroy() : socket.destroy());

    const petPath = /^\/v1\/pets\/([^/]+)$/.exec(url.pathname);
    const eventsPath = /^\/v1\/pets\/([^/]+)\/events$/.exec(url.pathname);
    if (url.pathname === "/v1/pets" && req.method === "GET") return send(res, 200, cors, [...pets.values()]);
    if (url.pathname === "/v1/pets" && req.method === "POST") {
      const pet = json();
      if (pet.name === "reset") return reset();
      if (trapReusedPost && entry.reused && !trapped) return (trapped = true), reset();
      const id = `p${nextId++}`;
      pets.set(id, { ...pet, id });
      return send(res, 201, { ...cors, location: `/v1/pets/${id}`, etag: '"v1"' }, pets.get(id));
    }
    if (petPath && req.method === "GET") {
      const id = decodeURIComponent(petPath[1]);
      if (id.startsWith("slow-")) return setTimeout(() => send(res, 200, cors, { id, name: "slow" }), Number(id.slice(5)));
      return pets.has(id) ? send(res, 200, { ...cors, etag: '"v1"' }, pets.get(id)) : send(res, 404, cors, { title: "not found" });
    }
    if (petPath && req.method === "PUT") {
      const id = decodeURIComponent(petPath[1]);
      if (id.startsWith("503-") && once(`put ${id}`)) return send(res, 503, { ...cors, "retry-after": "0" }, { title: "busy" });
      if (id.startsWith("reset-") && once(`put ${id}`)) return reset();
      const existed = pets.has(id);
      pets.set(id, { ...json(), id });
      return send(res, existed ? 200 : 201, { ...cors, etag: '"v2"' }, pets.get(id));
    }
    if (petPath && req.method === "DELETE") {
      pets.delete(decodeURIComponent(petPath[1]));
      res.writeHead(204, cors);
      return res.end();
    }
    if (eventsPath) {
      res.writeHead(200, { ...cors, "content-type": "text/event-stream", "cache-control": "no-store" });
      for (const n of [1, 2, 3]) res.write(`event: visit\nid: ${n}\ndata: {"n":${n}}\n\n`);
      return res.end();
    }
    if (url.pathname === "/v1/orders" && req.method === "POST") {
      const order = json();
      if (order.petIds[0] === "503" && once(`order ${entry.key}`)) return send(res, 503, { ...cors, "retry-after": "0" }, { title: "busy" });
      return send(res, 201, cors, { id: `o${nextId++}` });
    }
    if (url.pathname === "/v1/uploads" && req.method === "POST") {
      // Parsed as the platform would: a multipart body only a real FormData encoder gets right.
      const form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
      const file = form.get("file");
      return send(res, 201, cors, { fileName: file.name, size: file.size, text: await file.text(), note: form.get("note") });
    }
    send(res, 404, cors, { title: `no route for ${req.method} ${url.pathname}` });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** A loopback port nothing listens on (free when this returns). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A loopback port that refuses connections for the whole run. A port freed by `freePort()` can be
 * handed to the next `listen(0)` of any test (it was: a "refused" POST once reached another test's
 * API), so this one is below 1024, where `listen(0)` never binds, is not on the Fetch standard's
 * bad-port list (browsers and fetch would refuse it before connecting), and is checked to refuse.
 */
export async function refusedPort() {
  for (let port = 1023; port > 1000; port--) if (await refuses(port)) return port;
  throw new Error("ports 1001-1023 on 127.0.0.1 all accept connections: no port to test a refused connection with");
}

function refuses(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", (error) => resolve(error.code === "ECONNREFUSED"));
  });
}

function send(res, status, headers, body) {
  res.writeHead(status, { ...headers, "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function read(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}
