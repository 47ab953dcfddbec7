// An in-memory implementation of fixtures/petstore/openapi.yaml on 127.0.0.1, with fault
// injection, for the end-to-end test and `npm run example`. It records every request it sees.
import http from "node:http";

/**
 * @typedef {{ method: string, path: string, kind: "status" | "reset", status?: number, headers?: Record<string, string>, times: number }} Fault
 * @typedef {{ method: string, url: string, headers: http.IncomingHttpHeaders, body: string }} SeenRequest
 */

export async function startPetstoreServer() {
  /** @type {Map<string, any>} */ const pets = new Map();
  /** @type {Map<string, any>} */ const visits = new Map();
  /** @type {Map<string, any>} */ const ordersByKey = new Map();
  /** @type {SeenRequest[]} */ const requests = [];
  /** @type {Fault[]} */ const faults = [];
  let nextId = 1;

  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({ method: req.method ?? "", url: url.pathname + url.search, headers: req.headers, body });

    const fault = faults.find((f) => f.times > 0 && f.method === req.method && f.path === url.pathname);
    if (fault) {
      fault.times--;
      if (fault.kind === "reset") return void req.socket.destroy();
      return void send(res, fault.status ?? 503, { title: "injected fault" }, fault.headers);
    }
    const form = /^application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? "");
    route(req.method ?? "", url, body ? (form ? Object.fromEntries(new URLSearchParams(body)) : JSON.parse(body)) : undefined, req.headers, res);
  });

  function route(method, url, input, headers, res) {
    const parts = url.pathname.replace(/^\/v1\//, "").split("/").map(decodeURIComponent);
    const [collection, petId, sub, subId] = parts;
    if (collection === "orders" && method === "POST") {
      const key = String(headers["idempotency-key"] ?? "");
      const order = ordersByKey.get(key) ?? { id: `order-${nextId++}`, total: 10 * input.petIds.length };
      if (key) ordersByKey.set(key, order);
      return send(res, 201, order);
    }
    if (collection !== "pets") return send(res, 404, { title: "no such route" });
    if (petId === undefined) {
      if (method === "GET") {
        const species = url.searchParams.get("species");
        return send(res, 200, [...pets.values()].filter((p) => !species || p.species === species));
      }
      if (method === "POST") {
        const pet = { ...input, id: String(nextId++) };
        pets.set(pet.id, pet);
        return send(res, 201, pet, { location: `/v1/pets/${pet.id}` });
      }
    }
    if (sub === undefined) {
      const pet = pets.get(petId);
      if (method === "PUT") {
        const replaced = { ...input, id: petId };
        pets.set(petId, replaced);
        return send(res, pet ? 200 : 201, replaced);
      }
      if (!pet) return send(res, 404, { title: `pet ${petId} not found` });
      if (method === "GET") return send(res, 200, pet, { etag: `"${JSON.stringify(pet).length}"` });
      if (method === "PATCH") return send(res, 200, Object.assign(pet, input));
      if (method === "DELETE") return void (pets.delete(petId), send(res, 204));
    }
    if (sub === "events" && method === "GET") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`event: fed\ndata: {"petId":${JSON.stringify(petId)}}\n\n`);
      return void res.end("data: walked\nid: 2\n\n");
    }
    if (sub === "adopt" && method === "POST") {
      const pet = pets.get(petId);
      return pet ? send(res, 200, Object.assign(pet, { adopted: true })) : send(res, 404, { title: "not found" });
    }
    if (sub === "visits") {
      if (subId === undefined && method === "GET") {
        const min = Number(url.searchParams.get("minWeight") ?? 0);
        return send(res, 200, [...visits.values()].filter((v) => v.petId === petId && v.weightKg >= min).map(({ petId: _, ...v }) => v));
      }
      if (subId === undefined && method === "POST") {
        const visit = { ...input, id: `v${nextId++}` };
        visits.set(visit.id, { ...visit, petId });
        return send(res, 201, visit);
      }
      const visit = visits.get(subId);
      if (!visit) return send(res, 404, { title: "visit not found" });
      if (method === "GET") return send(res, 200, { id: visit.id, weightKg: visit.weightKg, notes: visit.notes });
      if (method === "DELETE") return void (visits.delete(subId), send(res, 204));
    }
    return send(res, 405, { title: `${method} not allowed here` });
  }

  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    pets,
    ordersByKey,
    /** Makes the next `times` requests to `method path` fail with `status` (or a connection reset). */
    inject(/** @type {Omit<Fault, "times"> & { times?: number }} */ fault) {
      faults.push({ times: 1, ...fault });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

function send(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    return res.end();
  }
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
