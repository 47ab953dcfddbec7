import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { dropScalarEnumOnObjects } from "../../src/types/object-enum.js";
import { typeErrors } from "./typecheck.js";

const doc = (schemas: object) => ({ openapi: "3.0.0", info: { title: "t", version: "1" }, paths: {}, components: { schemas } }) as unknown as OpenAPI3;

describe("enum of plain values on a type: object schema (mercedes-benz.com configurator)", { timeout: 30_000 }, () => {
  const productGroup = { type: "object", description: "A product group.", required: ["name"], properties: { name: { type: "string" } }, enum: ["PKW", "VAN", "SMART"] };

  it("is dropped, so the object is typed by its properties instead of failing", () => {
    const output = generateSchemaTypes(doc({ ProductGroup: productGroup }));
    expect(output).toMatch(/ProductGroup: \{\s+name: string;\s+\};/);
    expect(typeErrors(output)).toEqual([]);
  });

  it("rewrites a copy; other enums are left alone", () => {
    const input = doc({ ProductGroup: productGroup, Kind: { type: "string", enum: ["a", "b"] } });
    const output = dropScalarEnumOnObjects(input).components!.schemas!;
    expect(output["ProductGroup"]).not.toHaveProperty("enum");
    expect(output["Kind"]).toEqual({ type: "string", enum: ["a", "b"] });
    expect(input.components!.schemas!["ProductGroup"]).toHaveProperty("enum");
    // ideal-postcodes.co.uk: `{ type: object, nullable: true, enum: [null] }` is fine as it is.
    const plain = doc({ Kind: { type: "string", enum: ["a"] }, NoMatch: { type: "object", nullable: true, enum: [null] } });
    expect(dropScalarEnumOnObjects(plain)).toBe(plain);
  });
});
