import { describe, expect, it } from "vitest";
import { commentText, methodDoc } from "../../src/emit/docs.js";
import { emitClient } from "../../src/emit/index.js";
import { pathExpression } from "../../src/emit/resource-file.js";
import { responseType } from "../../src/emit/type-refs.js";
import type { ApiMethod, ApiModel } from "../../src/model/types.js";

function method(overrides: Partial<ApiMethod> = {}): ApiMethod {
  return {
    name: "get",
    aliases: [],
    kind: "get",
    httpMethod: "get",
    path: "/pets/{petId}",
    operationId: "getPet",
    pathParams: [{ name: "petId", identifier: "petId", declared: true }],
    hasQuery: false,
    queryRequired: false,
    hasHeaders: false,
    headersRequired: false,
    hasCookies: false,
    cookiesRequired: false,
    queryStyles: {},
    body: undefined,
    responses: [{ status: "200", media: { contentType: "application/json", format: "json" } }],
    accept: "application/json",
    retry: { safe: true, reason: "GET is idempotent" },
    auth: true,
    declaresLocation: false,
    role: "item",
    idempotencyHeader: undefined,
    summary: undefined,
    description: undefined,
    deprecated: false,
    ...overrides,
  };
}

function model(methods: ApiMethod[]): ApiModel {
  return {
    title: "T",
    version: "1",
    baseUrl: "https://api.example.com",
    resources: [{ name: "pets", className: "Pets", fileName: "pets", methods, children: [] }],
    auth: [],
    warnings: [],
    lint: [],
  };
}

/** One generated file by path. */
function fileAt(files: Array<{ path: string; content: string }>, path: string): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${files.map((f) => f.path).join(", ")}`);
  return file.content;
}

/** The pets resource's two files: operations (standalone functions, types) and the class. */
function petsFiles(m: ApiModel): { operations: string; resource: string; both: string } {
  const files = emitClient(m);
  const operations = fileAt(files, "operations/pets.ts");
  const resource = fileAt(files, "resources/pets.ts");
  return { operations, resource, both: `${operations}\n${resource}` };
}

describe("emit", () => {
  it("builds the path from JSON string literals and encoded arguments", () => {
    expect(pathExpression(method())).toBe('"/pets/" + encodePathParam(petId)');
    expect(
      pathExpression(
        method({
          path: '/a/{x}.json"; alert(1); "',
          pathParams: [{ name: "x", identifier: "x", declared: false }],
        }),
      ),
    ).toBe('"/a/" + encodePathParam(x) + ".json\\"; alert(1); \\""');
  });

  it("writes response types as exact indexed accesses into paths", () => {
    expect(responseType(method())).toBe('paths["/pets/{petId}"]["get"]["responses"]["200"]["content"]["application/json"]');
    expect(responseType(method({ responses: [{ status: "204", media: undefined }] }))).toBe("void");
    expect(responseType(method({ responses: [] }))).toBe("unknown");
    expect(responseType(method({ responses: [{ status: "200", media: { contentType: "application/pdf", format: "binary" } }] }))).toBe("Blob");
  });

  it("keeps spec text inside comments: */ cannot close a TSDoc block", () => {
    expect(commentText("evil */ export const x = 1; /*")).toBe("evil *\\/ export const x = 1; /*");
    expect(commentText("a\u2028b\u202Ec")).toBe("a\nbc");
    const doc = methodDoc(method({ summary: "Get */ a pet", httpMethod: "post", retry: { safe: false, reason: "POST is not idempotent" } }));
    expect(doc).not.toContain("*/");
    expect(doc).toContain("sent exactly once");
  });

  it("emits two files per resource (operations and class) plus base-client.ts, client.ts and index.ts, deterministically", () => {
    const put = method({ name: "put", kind: "put", httpMethod: "put", aliases: ["update"], retry: { safe: true, reason: "PUT is idempotent" }, body: { required: true, media: { contentType: "application/json", format: "json" }, alternatives: [] } });
    const files = emitClient(model([method(), put]));
    expect(files.map((f) => f.path)).toEqual(["operations/pets.ts", "resources/pets.ts", "base-client.ts", "client.ts", "index.ts", "README.md"]);
    const readme = fileAt(files, "README.md");
    expect(readme).toContain("| `pets.put()` | PUT | `` /pets/{petId} `` | yes | PUT is idempotent |");
    expect(readme).toContain("await api.pets.get(petId); // GET /pets/{petId}");
    const { operations, resource } = petsFiles(model([method(), put]));
    expect(resource).toContain("export class Pets {");
    expect(resource).toContain('get(petId: NonNullable<paths["/pets/{petId}"]["get"]["parameters"]["path"]["petId"]>, options?: PetsGetOptions): ApiPromise<PetsGetResponse>');
    expect(resource).toContain("put(petId: ");
    expect(resource).toContain("update(petId: ");
    expect(resource).toContain("return this.put(petId, body, options);");
    // Methods call the standalone functions, which hold the request; the operations file imports no other resource.
    expect(resource).toContain('import { petsGet, type PetsGetResponse, type PetsGetOptions, petsPut, type PetsPutResponse, type PetsPutBody, type PetsPutOptions } from "../operations/pets.js";');
    expect(resource).toContain("return petsPut(this.#client, petId, body, options);");
    expect(operations).toContain("export function petsPut(client: HttpClient, petId: ");
    expect(operations).toContain('retrySafe: true, bodyFormat: "json", contentType: "application/json" }, options, body);');
    expect(operations).not.toContain("./resources/");
    expect(fileAt(files, "index.ts")).toContain('export * from "./operations/pets.js";\nexport * from "./resources/pets.js";');
    expect(fileAt(files, "base-client.ts")).toContain('export const DEFAULT_BASE_URL = "https://api.example.com";');
    expect(emitClient(model([method(), put]))).toEqual(files);
  });

  it("lets a call pick another declared request content type, the body's type following it", () => {
    const create = method({
      name: "create", kind: "create", httpMethod: "post", path: "/pets", pathParams: [], retry: { safe: false, reason: "POST is not idempotent" },
      body: { required: true, media: { contentType: "application/json", format: "json" }, alternatives: [{ contentType: "multipart/form-data", format: "multipart" }, { contentType: "application/octet-stream", format: "binary" }] },
    });
    const pets = petsFiles(model([create])).both;
    expect(pets).toContain(
      'export type PetsCreateBodies = { "application/json": PetsCreateBody; "multipart/form-data": NonNullable<paths["/pets"]["post"]["requestBody"]>["content"]["multipart/form-data"]; "application/octet-stream": Blob | ArrayBuffer | Uint8Array | string };',
    );
    expect(pets).toContain('export function petsCreate<C extends keyof PetsCreateBodies = "application/json">(client: HttpClient, body: PetsCreateBodies[C], options?: PetsCreateOptions & { contentType?: C })');
    expect(pets).toContain('const contentType = options?.contentType ?? "application/json";');
    expect(pets).toContain('bodyFormat: ({ "application/json": "json", "multipart/form-data": "multipart", "application/octet-stream": "binary" } as const)[contentType], contentType }');
    expect(pets).toContain("return petsCreate<C>(this.#client, body, options);");
  });

  it("writes no operations file for a resource that only groups sub-resources", () => {
    const grouping = { ...model([]), resources: [{ name: "accounts", className: "Accounts", fileName: "accounts", methods: [], children: [{ name: "pets", className: "AccountsPets", fileName: "accounts-pets", methods: [method()], children: [] }] }] };
    const files = emitClient(grouping);
    expect(files.map((f) => f.path).filter((p) => p.includes("/"))).toEqual(["resources/accounts.ts", "operations/accounts-pets.ts", "resources/accounts-pets.ts"]);
    expect(fileAt(files, "resources/accounts.ts")).not.toContain("../operations/");
    expect(fileAt(files, "index.ts")).not.toContain("./operations/accounts.js");
  });

  it("never names a standalone function after one of its own arguments", () => {
    const clash = method({ pathParams: [{ name: "petsGet", identifier: "petsGet", declared: true }], path: "/pets/{petsGet}" });
    const pets = petsFiles(model([clash])).both;
    expect(pets).toContain("export function petsGet2(client: HttpClient, petsGet: ");
    expect(pets).toContain("return petsGet2(this.#client, petsGet, options);");
  });

  it("emits the security schemes and typed credentials, and auth: false for public operations", () => {
    const publicGet = method({ auth: false });
    const withAuth = { ...model([publicGet]), auth: [
      { key: "api_key", property: "apiKey", description: "Key */ from the dashboard", type: "apiKey" as const, in: "header" as const, name: "X-Key" },
      { key: "basic", property: "basic", description: undefined, type: "basic" as const },
    ] };
    const files = emitClient(withAuth);
    // The schemes live in base-client.ts, which client.ts re-exports.
    const client = fileAt(files, "base-client.ts");
    expect(fileAt(files, "operations/pets.ts")).toContain("retrySafe: true, auth: false }");
    expect(client).toContain('export const SECURITY_SCHEMES = { apiKey: { type: "apiKey", in: "header", name: "X-Key" }, basic: { type: "basic" } } satisfies Record<string, SecurityScheme>;');
    expect(client).toMatch(/apiKey\?: Credential;[\s\S]*basic\?: BasicCredential;/);
    expect(client).toContain("Key *\\/ from the dashboard");
    expect(client).toContain("auth: { schemes: SECURITY_SCHEMES, credentials: { ...auth } }");
  });

  it("passes non-default query styles to the runtime and types cookie parameters", () => {
    const list = method({ name: "list", kind: "list", path: "/pets", pathParams: [], hasQuery: true, hasCookies: true, cookiesRequired: true, queryStyles: { filter: { style: "deepObject", explode: true } } });
    const pets = petsFiles(model([list])).both;
    expect(pets).toContain('retrySafe: true, queryStyles: {"filter":{"style":"deepObject","explode":true}} }, options);');
    expect(pets).toContain('export type PetsListCookies = NonNullable<paths["/pets"]["get"]["parameters"]["cookie"]>;');
    expect(pets).toContain("list(options: PetsListOptions)"); // a required cookie makes options required
  });

  it("starts the README with the biggest resources, summarises retries by rule, and moves the per-method table to RETRIES.md for big APIs", () => {
    const small = (i: number) => ({ name: `r${i}`, className: `R${i}`, fileName: `r${i}`, methods: [method(), method({ name: "list", kind: "list" as const })], children: [] });
    const create = method({ name: "create", kind: "create", httpMethod: "post", path: "/zoo", pathParams: [], retry: { safe: false, reason: "POST is not idempotent" } });
    const zoo = { name: "zoo", className: "Zoo", fileName: "zoo", methods: [method({ name: "list", kind: "list" as const, path: "/zoo", pathParams: [] }), create], children: [small(99)] };
    const big = { ...model([]), resources: [...Array.from({ length: 30 }, (_, i) => small(i)), zoo] };
    const files = emitClient(big);
    const readme = files.find((f) => f.path === "README.md")!.content;
    const calls = readme.match(/^await api\.[\w.]+/gm)!;
    // zoo (a collection with 4 methods under it) comes before r0..r29, which are alphabetically first.
    expect(calls.slice(0, 2)).toEqual(["await api.zoo.list", "await api.zoo.create"]);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(readme).toContain("| yes | `` GET is idempotent `` | 63 |");
    expect(readme).toContain("| no | `` POST is not idempotent `` | 1 |");
    expect(readme).toContain("[RETRIES.md](./RETRIES.md)");
    expect(readme).not.toMatch(/^\| `r\d+\.get\(\)`/m);
    const retries = files.find((f) => f.path === "RETRIES.md")!.content;
    expect(retries.match(/^\| `[\w.]+\(\)`/gm)).toHaveLength(64);
  });

  it("gives POST options that only accept retry with an idempotency key", () => {
    const create = method({ name: "create", kind: "create", httpMethod: "post", path: "/pets", pathParams: [], retry: { safe: false, reason: "POST is not idempotent" } });
    expect(petsFiles(model([create])).operations).toContain("export type PetsCreateOptions = UnsafeRequestOptions;");
  });
});
