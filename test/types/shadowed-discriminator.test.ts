import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { scanDiscriminators } from "openapi-typescript";
import { generateSchemaTypes } from "../../src/types/index.js";
import { dropShadowedDiscriminators } from "../../src/types/shadowed-discriminator.js";
import { typeErrors } from "./typecheck.js";

/** apple.com sirikit-cloud-media: a child outside the base's mapping that declares the discriminator property itself. */
const sirikit = () =>
  ({
    openapi: "3.0.1",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: {
        Result: {
          type: "object",
          required: ["class"],
          properties: { class: { type: "string" }, notRequired: { type: "object" } },
          discriminator: { propertyName: "class", mapping: { BooleanResult: "#/components/schemas/BooleanResult" } },
        },
        BooleanResult: { allOf: [{ $ref: "#/components/schemas/Result" }], type: "object", properties: { class: { type: "string", enum: ["BooleanResult"] }, value: { type: "boolean" } } },
        DestinationResult: { allOf: [{ $ref: "#/components/schemas/Result" }], type: "object", properties: { class: { type: "string", enum: ["DestinationResult"] }, success: { type: "string" } } },
      },
    },
  }) as unknown as OpenAPI3;

describe("a discriminator property declared again by a child schema (apple.com sirikit-cloud-media)", { timeout: 30_000 }, () => {
  it("is declared once, as the injected literal, and type-checks", () => {
    const output = generateSchemaTypes(sirikit());
    const destination = /DestinationResult: \{([^}]*)\}/.exec(output)![1]!;
    expect(destination.match(/\bclass\??:/g)).toEqual(["class:"]);
    expect(destination).toContain('class: "DestinationResult";');
    expect(typeErrors(output)).toEqual([]);
  });

  it("drops it from a copy, only where openapi-typescript injects the literal", () => {
    const input = sirikit();
    const discriminators = scanDiscriminators(input, { silent: true });
    const before = JSON.stringify(input);
    const schemas = dropShadowedDiscriminators(input, discriminators).components!.schemas as Record<string, { properties: object }>;
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.keys(schemas["DestinationResult"]!.properties)).toEqual(["success"]);
    // In the mapping: openapi-typescript rewrites the child's own property instead of adding one.
    expect(Object.keys(schemas["BooleanResult"]!.properties)).toEqual(["class", "value"]);
  });
});
