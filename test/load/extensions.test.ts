import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/index.js";

describe("vendor extensions and unknown properties", () => {
  it("are warnings, not errors: they change nothing generated (apideck's x-webhooks, 1password's x-logo, Google's source)", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sdkwright-ext-")), "openapi.json");
    const document = {
      openapi: "3.0.3",
      info: { title: "t", version: "1", "x-logo": "https://example.com/logo.png" },
      source: "generated",
      "x-webhooks": { ping: true },
      paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } },
    };
    writeFileSync(file, JSON.stringify(document));
    const spec = await loadSpec(file);
    expect(Object.keys(spec.document.paths ?? {})).toEqual(["/a"]);
    expect(spec.warnings.map((w) => w.location.pointer).sort()).toEqual(["/info/x-logo", "/source", "/x-webhooks/ping"]);
  });
});
