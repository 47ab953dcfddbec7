import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, SdkwrightError } from "../../src/index.js";
import { LIMITS } from "../../src/load/limits.js";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-limits-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEAD = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\n";
const withSchema = (schema: string) =>
  `${HEAD}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;

function spec(name: string, content: string, dir = work): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function failure(input: string, cwd = work): Promise<SdkwrightError> {
  const error = await generate({ input, cwd }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SdkwrightError);
  return error as SdkwrightError;
}

describe("what a spec may make sdkwright read", { timeout: 30_000 }, () => {
  it.each([
    ["an absolute path", "/etc/passwd"],
    ["a file: URL", "file:///etc/passwd"],
    ["a path climbing out", "../../../../../../etc/passwd"],
  ])("a local spec cannot $ref %s outside its folder and the working folder", async (_what, ref) => {
    const dir = mkdtempSync(path.join(work, "local-"));
    const error = await failure(spec("openapi.yaml", withSchema(`{ $ref: '${ref}#/x' }`), dir), dir);
    // A file: URL is a relative path to Redocly (…/file:/etc/passwd), so it is simply not found.
    expect(error.format()).toMatch(ref.startsWith("file:") ? /no such file or directory '.*\/file:\/etc\/passwd'/ : /refusing to read \/etc\/passwd: it is outside the spec's folder and the working folder/);
    expect(error.format()).not.toMatch(/root:/);
  });

  describe("a spec fetched over http", () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const body = req.url === "/remote.yaml" ? withSchema("{ $ref: 'file:///etc/passwd#/x' }") : withSchema("{ $ref: './schemas.yaml#/Pet' }");
        if (req.url === "/schemas.yaml") return void res.end("Pet: { type: object, properties: { name: { type: string } } }\n");
        res.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("may reference other URLs", async () => {
      const result = await generate({ input: `${base}/ok.yaml` });
      expect(result.files.find((f) => f.path === "schema.ts")!.content).toContain("name?: string");
    });

    it("may not read a local file", async () => {
      const error = await failure(`${base}/remote.yaml`);
      expect(error.format()).toMatch(/refusing to read file:\/\/\/etc\/passwd: a spec fetched over http\(s\) may only reference http\(s\) URLs/);
    });
  });
});

describe("resource limits", { timeout: 30_000 }, () => {
  it("a YAML alias bomb (billion laughs) is refused after a linear walk", async () => {
    const levels = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const lines = levels.map((name, i) => `x-${name}: &${name} [${Array(9).fill(i === 0 ? '"lol"' : `*${levels[i - 1]}`).join(", ")}]`);
    const error = await failure(spec("bomb.yaml", `${HEAD}paths: {}\n${lines.join("\n")}\n`));
    expect(error.message).toMatch(/expands to more than 20,000,000 values \(YAML aliases multiply nodes\)/);
  });

  it("deep nesting is refused by the parser with the place it stopped (100 levels; real specs stay under 60)", async () => {
    let schema: object = { type: "string" };
    for (let i = 0; i < 150; i++) schema = { type: "object", properties: { n: schema } };
    const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema } } } } } } } };
    const error = await failure(spec("deep.json", JSON.stringify(document)));
    expect(error.format()).toMatch(/cannot parse deep\.json: nesting exceeded maxDepth \(100\)[\s\S]*deep\.json:1:\d+/);
  });

  it("a file over the size limit is refused before it is read", async () => {
    const file = spec("huge.json", "");
    writeFileSync(file, Buffer.alloc(LIMITS.fileBytes + 1, 32));
    const error = await failure(file);
    expect(error.message).toMatch(/is 64 MB, over the 64 MB limit|over the 64 MB limit/);
  });

  it("a $ref cycle between components ends with types or a clear error", async () => {
    const file = spec(
      "cycle.yaml",
      `${withSchema("{ $ref: '#/components/schemas/A' }")}components:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n    Tree: { type: object, properties: { children: { type: array, items: { $ref: '#/components/schemas/Tree' } } } }\n`,
    );
    const outcome = await generate({ input: file }).then((r) => r.files.length, (e: unknown) => e);
    if (typeof outcome !== "number") expect(outcome).toBeInstanceOf(SdkwrightError);
  });
});
