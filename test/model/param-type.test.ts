import { describe, expect, it } from "vitest";
import { plainParamType } from "../../src/model/param-type.js";

describe("path parameters hover as the type a person would write", () => {
  const cases: [string, unknown, string | undefined][] = [
    ["a string", { type: "string" }, "string"],
    ["an integer", { type: "integer", format: "int64" }, "number"],
    ["a boolean", { type: "boolean" }, "boolean"],
    ["a nullable string (3.1 type list): a path segment is never null", { type: ["string", "null"] }, "string"],
    ["a string enum: a literal union", { type: "string", enum: ["asc", "desc", "asc"] }, '"asc" | "desc"'],
    ["a number enum", { type: "integer", enum: [1, 2] }, "1 | 2"],
    ["hostile enum text stays inside its literal", { type: "string", enum: ['a"; } evil(); //'] }, '"a\\"; } evil(); //"'],
    ["an enum whose values do not fit the type: left to schema.ts", { type: "string", enum: [1] }, undefined],
    ["a $ref: left to schema.ts", { $ref: "#/components/schemas/Id" }, undefined],
    ["a oneOf: left to schema.ts", { oneOf: [{ type: "string" }, { type: "integer" }] }, undefined],
    ["no schema", undefined, undefined],
  ];
  it.each(cases)("%s", (_, schema, want) => {
    expect(plainParamType(schema)).toBe(want);
  });
});
