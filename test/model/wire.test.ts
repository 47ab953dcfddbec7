import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import type { ApiMethod, Resource } from "../../src/model/types.js";

const OK = { responses: { "200": { description: "ok" } } };

function model(paths: Record<string, object>, components: object = {}) {
  return buildModel({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components } as OpenAPI3);
}

function allMethods(resources: Resource[]): ApiMethod[] {
  return resources.flatMap((r) => [...r.methods, ...allMethods(r.children)]);
}

function only(paths: Record<string, object>, components?: object): ApiMethod {
  return allMethods(model(paths, components).resources)[0]!;
}

describe("wire description in the model", () => {
  it("keeps each parameter's style where it is not its location's default", () => {
    const method = only({
      "/items/{color}/{path}": {
        get: {
          ...OK,
          parameters: [
            { name: "color", in: "path", required: true, style: "matrix", explode: true, schema: { type: "array" } },
            { name: "path", in: "path", required: true, "x-multi-segment": true, schema: { type: "string" } },
            { name: "expand", in: "query", style: "deepObject", explode: true, schema: { type: "array", items: { type: "string" } } },
            { name: "ids", in: "query", explode: false, schema: { type: "array" } },
            { name: "q", in: "query", allowReserved: true, schema: { type: "string" } },
            { name: "plain", in: "query", schema: { type: "string" } },
            { name: "x-rgb", in: "header", explode: true, schema: { type: "object" } },
            { name: "prefs", in: "cookie", explode: false, schema: { type: "array" } },
          ],
        },
      },
    });
    expect(method.pathParams.map((p) => [p.name, p.style])).toEqual([
      ["color", { style: "matrix", explode: true }],
      ["path", { allowReserved: true }],
    ]);
    expect(method.queryStyles).toEqual({ expand: { style: "deepObject", explode: true }, ids: { explode: false }, q: { allowReserved: true } });
    expect(method.headerExplode).toEqual({ "x-rgb": true });
    expect(method.cookieStyles).toEqual({ prefs: { explode: false } });
  });

  it("carries a form body's encoding entries (Stripe's shape), and part headers only when the spec fixes their value", () => {
    const method = only({
      "/v1/customers": {
        post: {
          ...OK,
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: { type: "object" },
                encoding: { metadata: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true } },
              },
              "multipart/form-data": {
                schema: { type: "object" },
                encoding: {
                  file: { contentType: "image/png", headers: { "X-Fixed": { schema: { type: "string", const: "v1" } }, "X-Free": { schema: { type: "string" } }, "X-Evil": { schema: { default: "a\r\nInjected: 1" } } } },
                },
              },
            },
          },
        },
      },
    });
    expect(method.body!.media).toEqual({ contentType: "application/x-www-form-urlencoded", format: "form", encoding: { expand: { style: "deepObject", explode: true }, metadata: { style: "deepObject", explode: true } } });
    expect(method.body!.alternatives).toEqual([{ contentType: "multipart/form-data", format: "multipart", encoding: { file: { contentType: "image/png", headers: { "X-Fixed": "v1" } } } }]);
  });

  it("drops a GET or HEAD body from the method and says so; TRACE and arrays of objects in a query are warned about", () => {
    const result = model({
      "/customers": { get: { ...OK, requestBody: { content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } } } },
      "/anything": { trace: OK },
      "/search": {
        get: {
          ...OK,
          parameters: [
            { name: "mdfilters", in: "query", schema: { type: "array", items: { $ref: "#/components/schemas/Filter" } } },
            { name: "deep", in: "query", style: "deepObject", explode: true, schema: { type: "array", items: { type: "object" } } },
          ],
        },
      },
    }, { schemas: { Filter: { type: "object", properties: { scope: { type: "string" } } } } });
    const methods = allMethods(result.resources);
    expect(methods.find((m) => m.path === "/customers")!.body).toBeUndefined();
    expect(result.lint.map((f) => `${f.rule} ${f.method} ${f.path}`)).toEqual(
      expect.arrayContaining(["get-with-body GET /customers", "unsendable-method TRACE /anything", "unserializable-parameter GET /search"]),
    );
    expect(result.lint.filter((f) => f.rule === "unserializable-parameter").map((f) => f.reason)).toEqual([expect.stringContaining('"mdfilters"')]);
  });
});
