// Loopback HTTP server for the runtime benchmark: GET /items/{id} returns an item, PUT echoes it.
// Binds 127.0.0.1 only, prints its port as the first stdout line, counts requests per method and
// status (GET /__stats returns them; POST /__reset zeroes them), and exits when stdin closes or
// after a hard limit, so it never outlives the bench.
import http from "node:http";

const LIMIT_MS = Number(process.env.BENCH_SERVER_LIMIT_MS ?? 15 * 60_000);
const counts = { GET: 0, PUT: 0, other: 0, non2xx: 0 };
const item = (id) => JSON.stringify({ id, name: `Item ${id}`, tags: ["alpha", "beta", "gamma"], count: 42 });

const server = http.createServer((req, res) => {
  if (req.url === "/__stats") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
    return;
  }
  if (req.url === "/__reset" && req.method === "POST") {
    for (const key of Object.keys(counts)) counts[key] = 0;
    res.writeHead(204).end();
    return;
  }
  const match = /^\/items\/([^/?]+)/.exec(req.url ?? "");
  if (!match) {
    counts.other++;
    counts.non2xx++;
    res.writeHead(404, { "content-type": "application/json" }).end('{"message":"not found"}');
    return;
  }
  if (req.method === "GET") {
    counts.GET++;
    res.writeHead(200, { "content-type": "application/json" }).end(item(decodeURIComponent(match[1])));
    return;
  }
  if (req.method === "PUT") {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      counts.PUT++;
      res.writeHead(200, { "content-type": "application/json" }).end(Buffer.concat(chunks));
    });
    return;
  }
  counts.other++;
  counts.non2xx++;
  res.writeHead(405).end();
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
const stop = () => {
  server.closeAllConnections?.();
  server.close();
  process.exit(0);
};
setTimeout(stop, LIMIT_MS).unref();
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
