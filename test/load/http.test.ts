import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/index.js";
import { collectRefs, countOperations, FIXTURES, sdkError } from "./helpers.js";

/** Serves fixtures/load over http on 127.0.0.1 (an ephemeral port); never leaves the machine. */
let server: http.Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requested.push(url.pathname);
    const file = path.join(FIXTURES, path.normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(FIXTURES + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": file.endsWith(".json") ? "application/json" : "application/yaml" }).end(body),
      () => res.writeHead(404, { "content-type": "text/plain" }).end("not found"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe("loadSpec over http (loopback server)", () => {
  it("loads and bundles the multi-file spec from a URL", async () => {
    const url = `${base}/multi-file/openapi.yaml`;
    const spec = await loadSpec(url);
    expect(spec.source).toBe(url);
    expect(countOperations(spec.document)).toBe(2);
    for (const ref of collectRefs(spec.document)) expect(ref).toMatch(/^#\//);
    expect(Object.keys(spec.document.components?.schemas ?? {}).sort()).toEqual(["Category", "Pet"]);
    expect(requested).toEqual(expect.arrayContaining(["/multi-file/openapi.yaml", "/multi-file/parameters.yaml", "/multi-file/schemas/pet.yaml"]));
  });

  it("loads a multi-file Swagger 2.0 spec from a URL", async () => {
    const spec = await loadSpec(`${base}/swagger2-multi-file/swagger.yaml`);
    expect(spec.document.openapi).toMatch(/^3\.0/);
    expect(spec.document.components?.schemas?.["Pet"]).toMatchObject({ type: "object" });
  });

  it("a 404 is an error naming the URL", async () => {
    const url = `${base}/no-such-spec.yaml`;
    const error = await sdkError(loadSpec(url));
    expect(error.message).toMatch(/404/);
    expect(error.location.file).toBe(url);
    expect(error.hint).toMatch(/URL/);
  });
});
