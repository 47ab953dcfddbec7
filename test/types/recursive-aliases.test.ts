import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { typeErrors } from "./typecheck.js";

const doc = (schemas: object) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } }) as unknown as OpenAPI3;

describe("a component schema that contains itself outside an object (vercel.com EdgeConfigItemValue)", { timeout: 30_000 }, () => {
  const json = {
    description: "Any JSON value.",
    oneOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }, { type: "object" }, { type: "array", items: { $ref: "#/components/schemas/Value" } }],
  };

  it("is typed through a self-referencing alias, which type-checks", () => {
    const output = generateSchemaTypes(doc({ Value: json, "Tree.Node": { type: "array", items: { $ref: "#/components/schemas/Tree.Node" } }, Holder: { type: "object", properties: { value: { $ref: "#/components/schemas/Value" } } } }));
    expect(output).toMatch(/^type Schema_Value = string \| number \| boolean \| Record<string, never> \| Schema_Value\[\];$/m);
    expect(output).toMatch(/\/\*\* @description Any JSON value. \*\/\s+Value: Schema_Value;/);
    expect(output).toMatch(/"Tree\.Node": Schema_Tree_Node;/);
    expect(output).toMatch(/value\?: components\["schemas"\]\["Value"\];/);
    expect(typeErrors(`${output}\nexport const v: components["schemas"]["Value"] = [1, ["a", [true]], {}];\n`)).toEqual([]);
  });

  it("leaves recursion through object properties alone (it type-checks as it is)", () => {
    const output = generateSchemaTypes(doc({ Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } } }));
    expect(output).not.toContain("Schema_");
    expect(typeErrors(output)).toEqual([]);
  });
});
