import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { typeErrors } from "./typecheck.js";

const doc = (schemas: object) => ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas } }) as unknown as OpenAPI3;

describe("allOf + required over a member that can be null or undefined (plaid.com, linode.com, twinehealth.com)", { timeout: 30_000 }, () => {
  const cases: [string, object][] = [
    [
      "a nullable component (plaid PlaidError)",
      {
        Error: { type: "object", nullable: true, properties: { code: { type: "string" }, message: { type: "string" } } },
        Strict: { allOf: [{ $ref: "#/components/schemas/Error" }], required: ["code", "message"] },
      },
    ],
    [
      "an optional property reached by a properties ref (linode FirewallDevices/properties/entity)",
      {
        Device: { type: "object", properties: { entity: { type: "object", properties: { id: { type: "integer" }, type: { type: "string" } } } } },
        Request: { allOf: [{ $ref: "#/components/schemas/Device/properties/entity" }], required: ["id", "type"] },
      },
    ],
  ];
  it.each(cases)("type-checks: %s", (_, schemas) => {
    const output = generateSchemaTypes(doc(schemas));
    expect(output).toContain("WithRequired<");
    expect(output).toContain("type WithRequired<T, K extends keyof NonNullable<T>> = NonNullable<T> & {");
    expect(typeErrors(output)).toEqual([]);
  });

  it("still makes the listed keys required", () => {
    const output = generateSchemaTypes(doc(cases[0]![1]));
    const errors = typeErrors(`${output}\nexport const missing: components["schemas"]["Strict"] = { code: "x" };\nexport const ok: components["schemas"]["Strict"] = { code: "x", message: "y" };\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^TS2322: Type '\{ code: string; \}' is not assignable to type .*message: string; \}'/);
  });
});
