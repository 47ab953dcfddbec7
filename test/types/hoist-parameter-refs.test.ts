import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { hoistPathParameterRefs } from "../../src/types/hoist-parameter-refs.js";
import { generateSchemaTypes } from "../../src/types/index.js";
import { typeErrors } from "./typecheck.js";

const ok = { "200": { description: "ok" } };
const field = { name: "field[]", in: "query", schema: { type: "array", items: { type: "string", enum: ["location", "chargeState"] } } };

/** The shape of enode.io (and digitalocean.com, opensuse.org/obs): a parameter declared inline once and referenced by path afterwards. */
const enode = () =>
  ({
    openapi: "3.0.0",
    info: { title: "t", version: "1" },
    paths: {
      "/chargers": { get: { parameters: [field], responses: ok } },
      "/chargers/{chargerId}": {
        get: {
          parameters: [{ name: "chargerId", in: "path", required: true, schema: { type: "string" } }, { $ref: "#/paths/~1chargers/get/parameters/0" }],
          responses: ok,
        },
      },
      // A schema ref that lands on a parameter object (enode.io's `/vehicles` field[] items).
      "/vehicles": { get: { parameters: [{ name: "fields", in: "query", schema: { type: "array", items: { $ref: "#/paths/~1chargers/get/parameters/0" } } }], responses: ok } },
    },
  }) as unknown as OpenAPI3;

describe("refs to a parameter declared inline in another operation (enode.io, digitalocean.com, opensuse.org/obs)", { timeout: 30_000 }, () => {
  it("are hoisted into components.parameters; the input is not mutated", () => {
    const input = enode();
    const before = JSON.stringify(input);
    const output = hoistPathParameterRefs(input) as unknown as { components: { parameters: Record<string, unknown> }; paths: Record<string, { get: { parameters: { $ref?: string }[] } }> };
    expect(JSON.stringify(input)).toBe(before);
    expect(output.components.parameters).toEqual({ paths__chargers_get_parameters_0: field });
    expect(output.paths["/chargers/{chargerId}"]!.get.parameters[1]!.$ref).toBe("#/components/parameters/paths__chargers_get_parameters_0");
  });

  it("type-check: no indexing through the optional query object", { timeout: 30_000 }, () => {
    const output = generateSchemaTypes(enode());
    expect(output).not.toMatch(/paths\["\/chargers"\]\["get"\]\["parameters"\]/);
    expect(output).toMatch(/"field\[\]"\?: components\["parameters"\]\["paths__chargers_get_parameters_0"\];/);
    expect(typeErrors(output)).toEqual([]);
  });

  it("leaves documents without such refs alone (same object)", () => {
    const input = { openapi: "3.0.0", info: { title: "t", version: "1" }, paths: { "/a": { get: { parameters: [field], responses: ok } } } } as unknown as OpenAPI3;
    expect(hoistPathParameterRefs(input)).toBe(input);
  });
});
