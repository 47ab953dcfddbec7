import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { splitByDirection } from "../../src/types/direction.js";
import { generateSchemaTypes } from "../../src/types/index.js";
import { typeErrors } from "./typecheck.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const doc = (schemas: object, body: object = ref("Pet")) =>
  ({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: { "/pets": { post: { requestBody: json(body), responses: { "201": { description: "ok", ...json(ref("Pet")) } } } } },
    components: { schemas },
  }) as unknown as OpenAPI3;

/** Type-checks `checks` (statements using `Send` and `Receive`) against the generated schema.ts. */
function check(document: OpenAPI3, checks: string): string[] {
  const schema = generateSchemaTypes(document);
  const aliases = `type Send = NonNullable<paths["/pets"]["post"]["requestBody"]>["content"]["application/json"];\ntype Receive = paths["/pets"]["post"]["responses"][201]["content"]["application/json"];\n`;
  return typeErrors(`${schema}\n${aliases}${checks}`);
}

const pet = {
  type: "object",
  required: ["id", "name", "createdAt"],
  properties: {
    id: { type: "string", readOnly: true },
    name: { type: "string" },
    createdAt: { type: "string", readOnly: true },
    favorite: { type: "boolean", default: false },
    password: { type: "string", writeOnly: true },
  },
};

describe("types follow the data's direction (readOnly, writeOnly, default)", { timeout: 60_000 }, () => {
  const cases: [string, object, object, string][] = [
    [
      "a readOnly id required in the schema: not asked for, not accepted; present in the response",
      { Pet: pet },
      ref("Pet"),
      `const send: Send = { name: "Rex" };
       // @ts-expect-error readOnly is not accepted in what you send
       const sendId: Send = { name: "Rex", id: "p1" };
       declare const got: Receive; const id: string = got.id; const created: string = got.createdAt;`,
    ],
    [
      "a defaulted property: optional to send, present when received (1Password `favorite`)",
      { Pet: pet },
      ref("Pet"),
      `const send: Send = { name: "Rex" };
       declare const got: Receive; const favorite: boolean = got.favorite;`,
    ],
    [
      "a writeOnly property: may be sent, absent from the response",
      { Pet: pet },
      ref("Pet"),
      `const send: Send = { name: "Rex", password: "pw" };
       declare const got: Receive;
       // @ts-expect-error writeOnly is absent from what you receive
       got.password;`,
    ],
    [
      "through a ref in an array of an inline body, and allOf",
      { Pet: pet, Dog: { allOf: [ref("Pet"), { type: "object", properties: { since: { type: "string", readOnly: true } }, required: ["since"] }] } },
      { type: "object", required: ["pets"], properties: { pets: { type: "array", items: ref("Dog") } } },
      `const send: Send = { pets: [{ name: "Rex" }] };
       // @ts-expect-error readOnly through allOf
       const sendSince: Send = { pets: [{ name: "Rex", since: "x" }] };`,
    ],
    [
      "through oneOf (OpenAI `tools`, default [] and not required)",
      {
        Pet: pet,
        Req: { type: "object", required: ["model"], properties: { model: { type: "string" }, tools: { type: "array", default: [], items: { oneOf: [ref("Pet"), { type: "string" }] } } } },
      },
      ref("Req"),
      `const send: Send = { model: "m" };
       const withTools: Send = { model: "m", tools: ["x", { name: "Rex" }] };`,
    ],
  ];
  it.each(cases)("%s", (_, schemas, body, checks) => {
    expect(check(doc(schemas, body), checks)).toEqual([]);
  });

  it.each([
    ["the parent has the readOnly property", { id: { type: "string", readOnly: true } }, {}],
    ["only the variant has one", {}, { since: { type: "string", readOnly: true } }],
  ])("a discriminated variant's copy keeps its tag (no mapping: the schema name) when %s", (_, parentProps, childProps) => {
    const schemas = {
      Pet: { type: "object", required: ["petType"], properties: { petType: { type: "string" }, ...parentProps }, discriminator: { propertyName: "petType" } },
      Cat: { allOf: [ref("Pet"), { type: "object", properties: { lives: { type: "integer" }, ...childProps } }] },
    };
    const output = generateSchemaTypes(doc(schemas, ref("Cat")));
    expect(output).toMatch(/CatWritable: [^;]*\{[\s\S]*?petType: "Cat";/);
    expect(output).not.toContain('"CatWritable";');
    expect(check(doc(schemas, ref("Cat")), `const send: Send = { petType: "Cat", lives: 9 };`)).toEqual([]);
  });

  it("names request-side copies `<Name>Writable`, unique, and only for schemas whose views differ", () => {
    const output = generateSchemaTypes(doc({ Pet: pet, PetWritable: { type: "object" }, Tag: { type: "object", properties: { label: { type: "string" } } }, Owner: { type: "object", properties: { pet: ref("Pet"), tag: ref("Tag") } } }, ref("Owner")));
    expect(output).toMatch(/PetWritable2: \{/);
    expect(output).toMatch(/OwnerWritable: \{/);
    expect(output).toContain('pet?: components["schemas"]["PetWritable2"]');
    expect(output).toContain('tag?: components["schemas"]["Tag"]');
    expect(output).not.toMatch(/TagWritable/);
  });

  it("returns the document itself when nothing differs, and never mutates it", () => {
    const plain = doc({ Pet: { type: "object", properties: { name: { type: "string" } } } });
    expect(splitByDirection(plain)).toBe(plain);
    const marked = doc({ Pet: pet });
    const before = structuredClone(marked);
    expect(splitByDirection(marked)).not.toBe(marked);
    expect(marked).toEqual(before);
  });
});
