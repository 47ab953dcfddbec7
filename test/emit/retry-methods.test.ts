import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.js";
import { generate } from "../../src/index.js";

const spec = path.resolve(import.meta.dirname, "../runtimes/openapi.yaml");
const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-retry-methods-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("retry.methods in sdkwright.config", { timeout: 30_000 }, () => {
  it("narrows the client's default policy, and the SDK's README table follows", async () => {
    const file = path.join(dir, "sdkwright.config.json");
    writeFileSync(file, JSON.stringify({ input: spec, retry: { methods: ["PUT"] } }));
    const [target] = await readConfig(file);
    const { files } = await generate({ input: spec, model: target!.model });
    const content = (name: string) => files.find((f) => f.path === name)!.content;
    expect(content("base-client.ts")).toContain('retry: {"methods":["PUT"]}');
    const table = content("README.md").split("\n").filter((line) => line.startsWith("| `"));
    expect(table).toContain("| `pets.put()` | PUT | `` /pets/{petId} `` | yes | PUT is idempotent |");
    expect(table).toContain("| `pets.get()` | GET | `` /pets/{petId} `` | no | GET is idempotent, but not in this client's `retry.methods` |");
    expect(table).toContain("| `orders.create()` | POST | `` /orders `` | no | POST with an Idempotency-Key header, but not in this client's `retry.methods` |");
    expect(table).toContain("| `pets.create()` | POST | `` /pets `` | no | POST is not idempotent |");
  });

  it("rejects a method that is not one, naming the key", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ input: spec, retry: { methods: ["PUT", "CONNECT"] } }));
    await expect(readConfig(file)).rejects.toThrow(/"methods" must be a list of GET, HEAD, OPTIONS, PUT, DELETE, POST, PATCH/);
  });
});
