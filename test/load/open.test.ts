import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/index.js";
import { parseJson } from "../../src/load/json.js";
import { openSpec } from "../../src/load/open.js";
import { fixture, sdkError } from "./helpers.js";

const work = mkdtempSync(path.join(tmpdir(), "sdkwright-open-"));
const write = (name: string, content: unknown) => {
  const file = path.join(work, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
};
const spec = (extra: Record<string, unknown> = {}) => ({
  openapi: "3.0.3",
  info: { title: "T", version: "1" },
  paths: { "/a": { get: { operationId: "getA", responses: { "200": { description: "ok" } } } } },
  ...extra,
});

describe("parseJson: JSON.parse where it agrees with the YAML parser", () => {
  it.each<[string, string, unknown]>([
    ["an object", '{"a": [1, {"b": "c"}], "d": null}', { a: [1, { b: "c" }], d: null }],
    ["escaped quotes and backslashes in keys and values", String.raw`{"a\"b": "x\\", "c\\": "\"y\":"}`, { 'a"b': "x\\", "c\\": '"y":' }],
    ["CRLF line ends and tabs", '{\r\n\t"a": 1\r\n}', { a: 1 }],
  ])("parses %s", (_, text, want) => {
    expect(parseJson(text)).toEqual(want);
  });

  it.each<[string, string]>([
    ["a key repeated in one object (the YAML parser refuses it)", '{"a": 1, "b": {"c": 1}, "a": 2}'],
    ["YAML", "openapi: 3.0.3\n"],
    ["invalid JSON", '{"a": 1,}'],
    ["nesting past the YAML parser's limit", "[".repeat(95) + "]".repeat(95)],
    ["a scalar", '"openapi"'],
  ])("declines %s", (_, text) => {
    expect(parseJson(text)).toBeUndefined();
  });

  it("keeps keys that repeat in different objects", () => {
    expect(parseJson('{"a": {"x": 1}, "b": {"x": 2}}')).toEqual({ a: { x: 1 }, b: { x: 2 } });
  });
});

describe("openSpec: the document at once, validation alongside", () => {
  it("gives the document and warnings loadSpec gives, for a one-file JSON spec", async () => {
    const file = fixture("petstore.json");
    const [opened, loaded] = await Promise.all([openSpec(file), loadSpec(file)]);
    expect(opened.document).toEqual(loaded.document);
    expect(opened.files).toEqual(loaded.files);
    expect(await opened.validated).toEqual(loaded.warnings);
  });

  it("takes loadSpec's way for a spec in several files", async () => {
    const file = fixture("multi-file", "openapi.yaml");
    const [opened, loaded] = await Promise.all([openSpec(file), loadSpec(file)]);
    expect(opened.document).toEqual(loaded.document);
    expect(opened.files).toEqual(loaded.files);
    expect(opened.files.length).toBeGreaterThan(1);
  });

  it("reports what validation finds through `validated`, with loadSpec's error", async () => {
    const file = write("invalid.json", spec({ paths: { "/a": { get: { responses: "none" } } } }));
    const opened = await openSpec(file);
    const [fromOpen, fromLoad] = await Promise.all([sdkError(opened.validated), sdkError(loadSpec(file))]);
    expect(fromOpen.format()).toBe(fromLoad.format());
    expect(fromOpen.message).toMatch(/not valid OpenAPI/);
  });

  it("reports a repeated key as the YAML parser does, with its line", async () => {
    const file = write("repeated.json", '{\n"openapi": "3.0.3",\n"info": {"title": "T", "version": "1"},\n"paths": {},\n"paths": {}\n}');
    const opened = await openSpec(file);
    const [fromOpen, fromLoad] = await Promise.all([sdkError(opened.validated), sdkError(loadSpec(file))]);
    expect(fromOpen.format()).toBe(fromLoad.format());
    expect(fromOpen.location.line).toBe(5);
  });

  it.each<[string, unknown]>([
    ["an external $ref", spec({ components: { schemas: { A: { $ref: "./other.json#/A" } } } })],
    ["an externalValue", spec({ components: { examples: { A: { externalValue: "./a.json" } } } })],
    ["a discriminator mapping to a file", spec({ components: { schemas: { A: { discriminator: { propertyName: "t", mapping: { b: "./b.json" } } } } } })],
  ])("leaves a spec with %s to loadSpec, which reads the other file", async (name, content) => {
    write("other.json", { A: { type: "string" } });
    const file = write(`${name.replace(/\W/g, "-")}.json`, content);
    const [opened, loaded] = await Promise.all([openSpec(file).then((s) => s.validated.then((warnings) => ({ ...s, warnings }))), loadSpec(file)]);
    expect(opened.document).toEqual(loaded.document);
    expect(opened.files).toEqual(loaded.files);
    expect(opened.warnings).toEqual(loaded.warnings);
  });

  it("validates the text it parsed, even when the file changes meanwhile", async () => {
    const file = write("changing.json", spec());
    const opened = await openSpec(file);
    writeFileSync(file, "not: [valid");
    expect(await opened.validated).toEqual([]);
    expect(JSON.parse(JSON.stringify(opened.document))).toEqual(JSON.parse(JSON.stringify(spec())));
    expect(readFileSync(file, "utf8")).toBe("not: [valid");
  });
});
