import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../src/types/index.js";
import { splitInheritedDiscriminatorParents } from "../../src/types/inherited-discriminator.js";
import { typeErrors } from "./typecheck.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
// The shape of orval's tests/specifications/discriminator-oneof-allof-inherited.yaml.
const doc = {
  openapi: "3.0.2",
  info: { title: "t", version: "1" },
  paths: {},
  components: {
    schemas: {
      Animal: {
        type: "object",
        required: ["species", "name"],
        properties: { species: { type: "string", enum: ["cat", "dog"] }, name: { type: "string" } },
        discriminator: { propertyName: "species", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } },
        oneOf: [ref("Cat"), ref("Dog")],
      },
      AnimalBase: { type: "string" },
      Cat: { allOf: [ref("Animal"), { type: "object", properties: { livesLeft: { type: "integer" } } }] },
      Dog: { allOf: [ref("Animal"), { type: "object", properties: { isTrained: { type: "boolean" } } }] },
    },
  },
} as unknown as OpenAPI3;

describe("a discriminator parent whose oneOf variants allOf it back", { timeout: 60_000 }, () => {
  it("compiles, and the union still narrows on the tag", () => {
    const output = generateSchemaTypes(doc);
    expect(output).toContain('Cat: Omit<components["schemas"]["AnimalBase2"], "species">');
    const checks = `declare const a: components["schemas"]["Animal"];
      const lives: number | undefined = a.species === "cat" ? a.livesLeft : undefined;
      const name: string = a.name;
      // @ts-expect-error a dog has no lives
      if (a.species === "dog") a.livesLeft;`;
    expect(typeErrors(`${output}\n${checks}`)).toEqual([]);
  });

  it("leaves other documents (and the given one) untouched", () => {
    const before = structuredClone(doc);
    splitInheritedDiscriminatorParents(doc);
    expect(doc).toEqual(before);
    const plain = { ...doc, components: { schemas: { Cat: { allOf: [ref("Pet")] }, Pet: { type: "object" } } } } as unknown as OpenAPI3;
    expect(splitInheritedDiscriminatorParents(plain)).toBe(plain);
  });
});
