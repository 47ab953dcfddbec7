import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index.js";
import type { Resource } from "../../src/model/types.js";

/** A spec from `"METHOD /path"` strings, with just enough of each operation to be valid. */
function spec(routes: string[], extra: (method: string, path: string) => object = () => ({})): OpenAPI3 {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const [method, path] = route.split(" ") as [string, string];
    (paths[path] ??= {})[method.toLowerCase()] = { responses: { "200": { description: "ok" } }, ...extra(method, path) };
  }
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths } as OpenAPI3;
}

/** `resource.path.method` → `METHOD /path` for every generated method, aliases included. */
function calls(resources: Resource[], prefix = ""): Record<string, string> {
  const result: Record<string, string> = {};
  for (const resource of resources) {
    const here = prefix + resource.name;
    for (const method of resource.methods) {
      for (const name of [method.name, ...method.aliases]) result[`${here}.${name}`] = `${method.httpMethod.toUpperCase()} ${method.path}`;
    }
    Object.assign(result, calls(resource.children, `${here}.`));
  }
  return result;
}

describe("resource model", () => {
  it.each<[string, string[], Record<string, string>]>([
    [
      "the REST table on a collection/item pair",
      ["GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}", "PATCH /pets/{petId}", "DELETE /pets/{petId}"],
      {
        "pets.list": "GET /pets",
        "pets.create": "POST /pets",
        "pets.get": "GET /pets/{petId}",
        "pets.put": "PUT /pets/{petId}",
        "pets.update": "PUT /pets/{petId}",
        "pets.patch": "PATCH /pets/{petId}",
        "pets.delete": "DELETE /pets/{petId}",
      },
    ],
    [
      "nested collections and consecutive parameters",
      ["GET /repos/{owner}/{repo}", "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", "GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
      {
        "repos.get": "GET /repos/{owner}/{repo}",
        "repos.issues.comments.create": "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "repos.issues.comments.list": "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      },
    ],
    [
      "a shared /v1 prefix, a date segment and a .json extension are not resources",
      ["GET /v1/2010-04-01/Accounts.json", "POST /v1/2010-04-01/Accounts/{Sid}/Calls.json", "GET /v1/2010-04-01/Accounts/{Sid}.json"],
      {
        "accounts.list": "GET /v1/2010-04-01/Accounts.json",
        "accounts.get": "GET /v1/2010-04-01/Accounts/{Sid}.json",
        "accounts.calls.create": "POST /v1/2010-04-01/Accounts/{Sid}/Calls.json",
      },
    ],
    [
      "an action is a method on its item's resource, never create()",
      ["GET /pets/{id}", "POST /pets/{id}/vaccinate"],
      { "pets.get": "GET /pets/{id}", "pets.vaccinate": "POST /pets/{id}/vaccinate" },
    ],
    [
      "a singleton sub-resource",
      ["GET /users/{id}", "GET /users/{id}/profile", "PUT /users/{id}/profile"],
      {
        "users.get": "GET /users/{id}",
        "users.profile.get": "GET /users/{id}/profile",
        "users.profile.put": "PUT /users/{id}/profile",
        "users.profile.update": "PUT /users/{id}/profile",
      },
    ],
  ])("%s", (_name, routes, expected) => {
    expect(calls(buildModel(spec(routes)).resources)).toEqual(expected);
  });

  it("reads dotted RPC paths as resources then a method (Slack style)", () => {
    expect(calls(buildModel(spec(["POST /chat.postMessage", "GET /chat.getPermalink", "POST /admin.apps.approve"])).resources)).toEqual({
      "chat.postMessage": "POST /chat.postMessage",
      "chat.getPermalink": "GET /chat.getPermalink",
      "admin.apps.approve": "POST /admin.apps.approve",
    });
  });

  it("keeps a shared prefix when configured to", () => {
    const model = buildModel(spec(["GET /api/pets", "GET /api/users"]), { stripCommonPrefix: false });
    expect(calls(model.resources)).toEqual({ "api.pets.list": "GET /api/pets", "api.users.list": "GET /api/users" });
  });

  it("lints operations whose HTTP method contradicts REST semantics", () => {
    const model = buildModel(
      spec(["PUT /tags", "GET /tags/{id}", "POST /tags/{id}", "GET /search", "POST /tags"], (method, path) =>
        method === "GET" && path === "/search" ? { requestBody: { content: { "application/json": {} } } } : {},
      ),
    );
    expect(model.lint.map((f) => `${f.rule} ${f.method} ${f.path} ${f.call}`)).toEqual([
      "get-with-body GET /search search.list",
      "create-without-location POST /tags tags.create",
      "post-on-item POST /tags/{id} tags.modify",
      "put-on-collection PUT /tags tags.putTags",
    ]);
  });

  it("names a POST that updates an item modify(), never update() (which is PUT's idempotent alias)", () => {
    const model = buildModel(spec(["GET /customers/{id}", "POST /customers/{id}"], (m) => ({ operationId: m === "POST" ? "PostCustomersId" : "GetCustomer" })));
    const methods = model.resources[0]!.methods;
    expect(methods.map((m) => [m.name, m.kind, m.retry.safe])).toEqual([
      ["get", "get", true],
      ["modify", "modify", false],
    ]);
  });

  it("resolves a name collision deterministically and reports both operations", () => {
    const model = buildModel(
      spec(["GET /items/{id}", "GET /items/{id}/{version}"], (_m, path) => ({ operationId: path.includes("version") ? "getItemVersion" : "getItem" })),
    );
    expect(calls(model.resources)).toEqual({ "items.get": "GET /items/{id}", "items.getVersion": "GET /items/{id}/{version}" });
    expect(model.warnings).toEqual([
      "GET /items/{id}/{version} (getItemVersion) would be items.get(), already taken by GET /items/{id} (getItem); generated as items.getVersion()",
    ]);
  });

  it("maps every operation to exactly one method", () => {
    const routes = ["GET /a", "POST /a", "PUT /a", "DELETE /a", "GET /a/{x}", "POST /a/{x}", "HEAD /a/{x}", "GET /", "GET /{id}"];
    const model = buildModel(spec(routes));
    const paths = Object.entries(calls(model.resources))
      .filter(([name]) => !name.endsWith(".update"))
      .map(([, call]) => call)
      .sort();
    expect(paths).toEqual(routes.sort());
  });

  it("classifies retry safety by HTTP semantics and a declared Idempotency-Key", () => {
    const model = buildModel(
      spec(["POST /orders", "PATCH /orders/{id}", "PUT /orders/{id}"], (method) =>
        method === "POST" ? { parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string" } }] } : {},
      ),
    );
    const retry = Object.fromEntries(model.resources[0]!.methods.map((m) => [m.name, [m.retry.safe, m.idempotencyHeader]]));
    expect(retry).toEqual({ create: [true, "Idempotency-Key"], put: [true, undefined], patch: [false, undefined] });
  });

  it("describes parameters, bodies and responses", () => {
    const model = buildModel(
      spec(["POST /files/{file-id}.{ext}"], () => ({
        parameters: [
          { name: "file-id", in: "path", required: true, schema: { type: "string" } },
          { name: "q", in: "query", required: true, schema: { type: "string" } },
        ],
        requestBody: { content: { "text/plain": {}, "application/vnd.api+json": {} } },
        responses: { "201": { description: "ok", content: { "application/octet-stream": {} } }, "204": { description: "none" } },
      })),
    );
    const method = model.resources[0]!.methods[0]!;
    expect(method.pathParams).toEqual([
      { name: "file-id", identifier: "fileId", declared: true, type: "string" },
      { name: "ext", identifier: "ext", declared: false },
    ]);
    expect([method.hasQuery, method.queryRequired]).toEqual([true, true]);
    // JSON is the default; the other declared content type stays choosable per call.
    expect(method.body).toEqual({ required: false, media: { contentType: "application/vnd.api+json", format: "json" }, alternatives: [{ contentType: "text/plain", format: "text" }] });
    expect(method.responses).toEqual([
      { status: "201", media: { contentType: "application/octet-stream", format: "binary" } },
      { status: "204", media: undefined },
    ]);
  });

  it("keeps file names under 120 characters, unique and stable (Microsoft Graph nests deeply)", () => {
    const deep = "/" + Array.from({ length: 12 }, (_, i) => `segmentNumber${i}WithALongName/{id${i}}`).join("/");
    const names = (path: string) => {
      const files: string[] = [];
      const walk = (rs: Resource[]) => rs.forEach((r) => (files.push(r.fileName), walk(r.children)));
      walk(buildModel(spec([`GET ${path}`])).resources);
      return files;
    };
    const first = names(deep);
    expect(Math.max(...first.map((f) => f.length))).toBeLessThanOrEqual(120);
    expect(names(deep)).toEqual(first);
    expect(first.at(-1)).toMatch(/^segment-number0-with-a-long-name-segment-number1-.*-[0-9a-z]{7,8}$/);
  });

  it("takes the base URL from the first server, with variables filled in", () => {
    const document = spec(["GET /a"]);
    document.servers = [{ url: "https://{region}.example.com/v1", description: "", variables: { region: { default: "eu" } } }];
    expect(buildModel(document).baseUrl).toBe("https://eu.example.com/v1");
  });
});
