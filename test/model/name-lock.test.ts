import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { buildModel, type ModelOptions } from "../../src/model/index.js";
import { lockOf } from "../../src/model/name-lock.js";

type Route = string | [route: string, operation: Record<string, unknown>];

/** A spec from `"METHOD /path"` strings (or `[route, extra operation fields]`). */
function spec(routes: Route[]): OpenAPI3 {
  const paths: Record<string, Record<string, object>> = {};
  for (const entry of routes) {
    const [route, extra] = typeof entry === "string" ? [entry, {}] : entry;
    const [method, path] = route.split(" ") as [string, string];
    (paths[path] ??= {})[method.toLowerCase()] = { responses: { "200": { description: "ok" } }, ...extra };
  }
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths } as OpenAPI3;
}

/** Generates v1, then v2 with v1's lock: the names v2 gets, fresh and locked, and the warnings. */
function upgrade(v1: Route[], v2: Route[], options: ModelOptions = {}) {
  const lock = lockOf(buildModel(spec(v1), options).resources);
  const fresh = lockOf(buildModel(spec(v2), options).resources);
  const model = buildModel(spec(v2), { ...options, lock });
  return { lock, fresh, locked: lockOf(model.resources), warnings: model.warnings };
}

describe("name lock", () => {
  it("keeps a method whose operationId was renamed", () => {
    const { lock, fresh, locked, warnings } = upgrade(
      ["GET /pets", ["TRACE /pets/{petId}", { operationId: "tracePet" }]],
      ["GET /pets", ["TRACE /pets/{petId}", { operationId: "followPet" }]],
    );
    expect(fresh["TRACE /pets/{petId}"]).toBe("pets.follow");
    expect(locked).toEqual(lock);
    expect(warnings).toEqual([
      "TRACE /pets/{petId}: kept pets.tracePet() from the lock file; named afresh it would be pets.follow() because the spec names it differently now (operationId, x-sdk-method or path); pass --rename to take the new names",
    ]);
  });

  it("does not let a new colliding operation displace an existing method", () => {
    // `/pets.get` sorts before `/pets/{petId}`, so named afresh it takes `get` and the item's GET is renamed.
    const { lock, fresh, locked, warnings } = upgrade(
      ["GET /pets", ["GET /pets/{petId}", { operationId: "getPet" }]],
      ["GET /pets", ["GET /pets/{petId}", { operationId: "getPet" }], ["POST /pets.get", { operationId: "rpcGet" }]],
    );
    expect(fresh).toMatchObject({ "POST /pets.get": "pets.get", "GET /pets/{petId}": "pets.getPet" });
    expect(locked).toEqual({ ...lock, "POST /pets.get": "pets.rpcGet" });
    expect(warnings.join("\n")).toMatch(/GET \/pets\/\{petId\}: kept pets\.get\(\) .* because POST \/pets\.get would take that name/);
  });

  it("keeps every resource where it was when a new path changes the common prefix", () => {
    const { lock, fresh, locked } = upgrade(["GET /api/pets", "GET /api/pets/{id}", "GET /api/stores"], ["GET /api/pets", "GET /api/pets/{id}", "GET /api/stores", "GET /health"]);
    expect(lock["GET /api/pets"]).toBe("pets.list");
    expect(fresh["GET /api/pets"]).toBe("api.pets.list");
    expect(locked).toMatchObject(lock);
    expect(locked["GET /health"]).toBe(fresh["GET /health"]);
  });

  it("follows an operation whose path parameter was renamed, and keeps an x-sdk-method name the spec dropped", () => {
    const { locked } = upgrade([["GET /pets/{id}", { "x-sdk-method": "fetchOne" }]], ["GET /pets/{petId}"]);
    expect(locked).toEqual({ "GET /pets/{petId}": "pets.fetchOne" });
  });

  it("gives way to a config override, the user's explicit decision", () => {
    const v1 = ["GET /pets", "GET /pets/{id}"];
    const lock = lockOf(buildModel(spec(v1)).resources);
    const model = buildModel(spec(v1), { lock, overrides: { "GET /pets": { method: "all" } } });
    expect(lockOf(model.resources)).toEqual({ "GET /pets": "pets.all", "GET /pets/{id}": "pets.get" });
  });

  it("drops removed operations and ignores a malformed entry with a warning", () => {
    const model = buildModel(spec(["GET /pets"]), { lock: { "GET /pets": "not a path", "DELETE /pets": "pets.delete" } });
    expect(lockOf(model.resources)).toEqual({ "GET /pets": "pets.list" });
    expect(model.warnings).toEqual(['GET /pets: ignoring the lock entry "not a path": expected a method path such as "pets.get"']);
  });
});
