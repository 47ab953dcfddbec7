import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspect } from "../../src/inspect.js";
import { collectOperations } from "../../src/model/operations.js";
import { loadSpec } from "../../src/load/index.js";
import { buildModel } from "../../src/model/index.js";
import type { Resource } from "../../src/model/types.js";

// Real, published descriptions (see ../shared/specs/SOURCES.tsv), read in place, never copied.
const specs = path.resolve(import.meta.dirname, "../../../shared/specs");
const files = existsSync(specs) ? readdirSync(specs).filter((f) => /\.(json|ya?ml)$/.test(f)).sort() : [];

/** Expected calls: `resource.path.method` → `METHOD /path`. */
const EXPECTED: Record<string, Record<string, string>> = {
  "github-api.json": {
    "repos.issues.comments.create": "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    "repos.issues.comments.list": "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    "repos.get": "GET /repos/{owner}/{repo}",
    "repos.issues.lock.put": "PUT /repos/{owner}/{repo}/issues/{issue_number}/lock",
  },
  "stripe-api.json": {
    "customers.create": "POST /v1/customers",
    "customers.list": "GET /v1/customers",
    "customers.get": "GET /v1/customers/{customer}",
    "customers.delete": "DELETE /v1/customers/{customer}",
  },
  "twilio-api-v2010.json": {
    "accounts.calls.create": "POST /2010-04-01/Accounts/{AccountSid}/Calls.json",
    "accounts.calls.get": "GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json",
    "accounts.messages.list": "GET /2010-04-01/Accounts/{AccountSid}/Messages.json",
  },
  "discord-api.json": {
    "guilds.bans.put": "PUT /guilds/{guild_id}/bans/{user_id}",
    "guilds.bans.list": "GET /guilds/{guild_id}/bans",
  },
  "slack-web-api.json": {
    "chat.postMessage": "POST /chat.postMessage",
    "admin.apps.approve": "POST /admin.apps.approve",
  },
  "oai-petstore.yaml": { "pets.list": "GET /pets", "pets.create": "POST /pets", "pets.get": "GET /pets/{petId}" },
};

/** `[resource.path.method, "METHOD /path"]` for every method, and its aliases unless `aliases` is false. */
function calls(resources: Resource[], aliases = true, prefix = ""): Array<[string, string]> {
  return resources.flatMap((r) => [
    ...r.methods.flatMap((m) =>
      [m.name, ...(aliases ? m.aliases : [])].map((name): [string, string] => [`${prefix}${r.name}.${name}`, `${m.httpMethod.toUpperCase()} ${m.path}`]),
    ),
    ...calls(r.children, aliases, `${prefix}${r.name}.`),
  ]);
}

describe.skipIf(files.length === 0).each(files)("real spec %s", (file) => {
  it("maps every operation to exactly one method, with unique names per resource", async () => {
    const spec = await loadSpec(path.join(specs, file));
    const model = buildModel(spec.document);
    const operations = collectOperations(spec.document).map((op) => `${op.httpMethod.toUpperCase()} ${op.path}`).sort();
    expect(calls(model.resources, false).map(([, call]) => call).sort()).toEqual(operations);
    const check = (resources: Resource[]) => {
      for (const resource of resources) {
        const names = [...resource.methods.flatMap((m) => [m.name, ...m.aliases]), ...resource.children.map((c) => c.name)];
        expect(new Set(names).size, resource.className).toBe(names.length);
        // No two methods a reader could mistake for each other: `remove()` beside `delete(id)`, `fetch()` beside `get()`.
        for (const group of [["delete", "remove", "destroy"], ["get", "fetch", "retrieve"], ["create", "add"]]) {
          expect(group.filter((name) => resource.methods.some((m) => m.name === name && m.kind !== "action")).length, `${resource.className}: ${group.join("/")}`).toBeLessThan(2);
        }
        // `update` is PUT's alias; an RPC action keeps the API's own name (Slack's `calls.update`).
        expect(resource.methods.filter((m) => m.kind !== "action" && (m.name === "update" || m.aliases.includes("update"))).every((m) => m.httpMethod === "put"), resource.className).toBe(true);
        check(resource.children);
      }
    };
    check(model.resources);
    const expected = EXPECTED[file];
    if (expected) expect(Object.fromEntries(calls(model.resources).filter(([name]) => name in expected))).toEqual(expected);
  }, 60_000);
});

describe("overrides", () => {
  it("x-sdk-resource and x-sdk-method move and rename a method; config overrides win", async () => {
    const fixture = path.resolve(import.meta.dirname, "../../fixtures/petstore/openapi.yaml");
    const model = await inspect(fixture, {
      model: { overrides: { adoptPet: { resource: "adoptions", method: "start" }, "DELETE /pets/{petId}": { method: "remove" } } },
    });
    const found = Object.fromEntries(calls(model.resources));
    expect(found["adoptions.start"]).toBe("POST /pets/{petId}/adopt");
    expect(found["pets.remove"]).toBe("DELETE /pets/{petId}");
    expect(found["pets.delete"]).toBeUndefined();
    // Renaming never changes retry safety: it follows the HTTP method.
    const start = model.resources.find((r) => r.name === "adoptions")!.methods[0]!;
    expect(start.retry.safe).toBe(false);
  });
});
