import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OpenAPI3 } from "openapi-typescript";
import { readConfig } from "../../src/config.js";
import { describe, expect, it } from "vitest";
import { buildModel, type ModelOptions } from "../../src/model/index.js";
import type { ApiMethod, Pagination } from "../../src/model/types.js";

const query = (...names: string[]) => names.map((name) => ({ name, in: "query", schema: { type: name === "page" || name === "offset" ? "integer" : "string" } }));
const ok = (schema: object, headers?: object) => ({ "200": { description: "ok", ...(headers ? { headers } : {}), content: { "application/json": { schema } } } });
const array = { type: "array", items: { type: "object", properties: { id: { type: "string" } } } };
const wrapped = (field: string, extra: object = {}) => ({ type: "object", properties: { [field]: array, ...extra } });

function method(operation: object, options: ModelOptions = {}): ApiMethod & { warnings: string[] } {
  const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: { "/things": { get: operation } } } as OpenAPI3;
  const model = buildModel(document, options);
  return { ...model.resources[0]!.methods[0]!, warnings: model.warnings };
}

// [what the spec says, the operation, the scheme detected]
const CASES: Array<[string, object, Pagination | undefined]> = [
  ["GitHub: a Link header on the response", { parameters: query("page", "per_page"), responses: ok(array, { Link: { schema: { type: "string" } } }) }, { scheme: "link" }],
  ["GitHub: a page object under a Link header", { responses: ok(wrapped("workflow_runs", { total_count: { type: "integer" } }), { link: {} }) }, { scheme: "link", items: "workflow_runs" }],
  ["GitHub: an after cursor described as given in the Link header", { parameters: [{ name: "after", in: "query", description: "A cursor, as given in the [Link header](...)", schema: { type: "string" } }], responses: ok(array) }, { scheme: "link" }],
  ["Twilio: next_page_uri in the body", { parameters: query("PageSize"), responses: ok(wrapped("calls", { next_page_uri: { type: "string" }, page: { type: "integer" } })) }, { scheme: "next-url", items: "calls", next: "next_page_uri" }],
  ["Twilio v1: meta.next_page_url", { responses: ok(wrapped("services", { meta: { type: "object", properties: { next_page_url: { type: "string" } } } })) }, { scheme: "next-url", items: "services", next: "meta.next_page_url" }],
  ["Slack: response_metadata.next_cursor and a cursor parameter", { parameters: query("cursor", "limit"), responses: ok(wrapped("channels", { ok: { type: "boolean" }, response_metadata: { type: "object", properties: { next_cursor: { type: "string" } } } })) }, { scheme: "cursor", items: "channels", param: "cursor", cursor: "response_metadata.next_cursor" }],
  ["Stripe: has_more and starting_after", { parameters: query("limit", "starting_after", "ending_before"), responses: ok(wrapped("data", { has_more: { type: "boolean" }, object: { type: "string" } })) }, { scheme: "after-item", items: "data", param: "starting_after", field: "id", hasMore: "has_more" }],
  ["Stripe search: next_page sent back as page", { parameters: [...query("query"), { name: "page", in: "query", schema: { type: "string" } }], responses: ok(wrapped("data", { has_more: { type: "boolean" }, next_page: { type: "string" } })) }, { scheme: "cursor", items: "data", hasMore: "has_more", param: "page", cursor: "next_page" }],
  ["Discord: after on a bare array of objects with ids", { parameters: query("after", "limit"), responses: ok(array) }, { scheme: "after-item", param: "after", field: "id" }],
  ["Discord: members are paged by their user's id", { parameters: query("after", "limit"), responses: ok({ type: "array", items: { type: "object", properties: { user: { type: "object", properties: { id: { type: "string" } } } } } }) }, { scheme: "after-item", param: "after", field: "user.id" }],
  ["Discord: a timeline read around an id pages before the last item", { parameters: query("around", "before", "after", "limit"), responses: ok(array) }, { scheme: "after-item", param: "before", field: "id" }],
  ["Adyen: offset and limit, with hasNext", { parameters: query("offset", "limit"), responses: ok(wrapped("balanceAccounts", { hasNext: { type: "boolean" }, hasPrevious: { type: "boolean" } })) }, { scheme: "offset", items: "balanceAccounts", hasMore: "hasNext", param: "offset" }],
  ["offset and limit", { parameters: query("offset", "limit"), responses: ok(array) }, { scheme: "offset", param: "offset" }],
  ["Twilio: a zero-based Page (minimum 0)", { parameters: [{ name: "Page", in: "query", schema: { type: "integer", minimum: 0 } }], responses: ok(wrapped("countries")) }, { scheme: "page", items: "countries", param: "Page", first: 0 }],
  ["page and per_page", { parameters: query("page", "per_page"), responses: ok(array) }, { scheme: "page", param: "page" }],
  // False positives we avoid:
  ["no paging parameter: one whole list", { parameters: query("sort"), responses: ok(array) }, undefined],
  ["a string page parameter without a next_page field is no page number", { parameters: [{ name: "page", in: "query", schema: { type: "string" } }], responses: ok(array) }, undefined],
  ["one object is no list, whatever its parameters", { parameters: query("page"), responses: ok({ type: "object", properties: { name: { type: "string" } } }) }, undefined],
  ["after without an id in the items is no item cursor", { parameters: query("after"), responses: ok({ type: "array", items: { type: "string" } }) }, undefined],
  ["x-sdk-pagination declares a scheme", { "x-sdk-pagination": { scheme: "cursor", items: "results", param: "token", cursor: "paging.next" }, responses: ok(array) }, { scheme: "cursor", items: "results", param: "token", cursor: "paging.next" }],
  ["x-sdk-pagination: false turns detection off", { "x-sdk-pagination": false, parameters: query("page"), responses: ok(array) }, undefined],
];

describe("pagination detection", () => {
  it.each(CASES)("%s", (_claim, operation, expected) => {
    const found = method(operation);
    expect(found.pagination).toEqual(expected);
    expect(found.warnings).toEqual([]);
  });

  it("a config override wins over the spec, and false turns paging off", () => {
    const operation = { operationId: "listThings", parameters: query("page", "offset"), responses: ok(array) };
    expect(method(operation).pagination).toEqual({ scheme: "offset", param: "offset" });
    expect(method(operation, { overrides: { listThings: { pagination: { scheme: "page", param: "page" } } } }).pagination).toEqual({ scheme: "page", param: "page" });
    expect(method(operation, { overrides: { "GET /things": { pagination: false } } }).pagination).toBeUndefined();
  });

  it("an x-sdk-pagination it cannot use is ignored with a warning that says what it expects", () => {
    const found = method({ "x-sdk-pagination": { scheme: "cursor", items: "data" }, parameters: query("page"), responses: ok(array) });
    expect(found.pagination).toEqual({ scheme: "page", param: "page" });
    expect(found.warnings).toEqual([expect.stringMatching(/^GET \/things: ignoring x-sdk-pagination \{"scheme":"cursor","items":"data"\}: expected false or \{ scheme: "link" \| "next-url"/)]);
  });
});

describe("pagination in the config file", () => {
  it("reads an override's pagination, and rejects one that is neither false nor an object, saying where", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-paging-config-"));
    try {
      const file = path.join(dir, "sdkwright.config.json");
      writeFileSync(file, JSON.stringify({ input: "api.yaml", overrides: { "GET /things": { pagination: false }, listOther: { pagination: { scheme: "offset", param: "skip" } } } }));
      const [target] = await readConfig(file);
      expect(target!.model.overrides).toEqual({ "GET /things": { pagination: false }, listOther: { pagination: { scheme: "offset", param: "skip" } } });
      writeFileSync(file, JSON.stringify({ overrides: { "GET /things": { pagination: "yes" } } }));
      await expect(readConfig(file)).rejects.toMatchObject({ message: expect.stringMatching(/^invalid config: expected false or \{ scheme/), location: { pointer: "/overrides/GET ~1things/pagination" } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
