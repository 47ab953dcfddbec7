import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";

describe("components that are $refs to another component", () => {
  it("a requestBodies alias is typed like the body it names (not an empty `*/*` content)", () => {
    const note = { required: true, content: { "application/json": { schema: { type: "object", properties: { text: { type: "string" } } } } } };
    const types = generateSchemaTypes({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/notes": { post: { requestBody: { $ref: "#/components/requestBodies/Alias2" }, responses: { "200": { description: "ok" } } } } },
      components: { requestBodies: { Note: note, Alias: { $ref: "#/components/requestBodies/Note" }, Alias2: { $ref: "#/components/requestBodies/Alias" } } },
    } as unknown as OpenAPI3);
    const alias = /Alias2: \{[\s\S]*?\n {8}\};/.exec(types)?.[0] ?? "";
    expect(alias).toContain('"application/json"');
    expect(alias).not.toContain('"*/*"');
  });
});
