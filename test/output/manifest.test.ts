import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { manifestContent, prettierJson } from "../../src/output/manifest.js";

const require = createRequire(import.meta.url);
const prettier = (() => {
  try {
    return require.resolve("prettier") ? (require("prettier") as typeof import("prettier")) : undefined;
  } catch {
    return undefined;
  }
})();

const files = (count: number, name = (i: number) => `resources/resource-${i}.ts`) => Array.from({ length: count }, (_, i) => name(i));

describe("the manifest is written exactly as Prettier would format it", () => {
  const cases: Array<[string, string]> = [
    ["no files", manifestContent([], { emit: "ts", format: false })],
    ["two short files (one line)", manifestContent(["a.ts", "b.ts"], { emit: "ts", format: false })],
    ["a real SDK's files (one per line)", manifestContent(["README.md", "client.ts", "index.ts", ...files(40)], { emit: "js", format: true })],
    ["without recorded options", manifestContent(["a.ts"], undefined)],
    ...Array.from({ length: 14 }, (_, n): [string, string] => [`${n + 1} files near the 80-column limit`, manifestContent(files(n + 1, (i) => "x".repeat(i + 1) + ".ts"), undefined)]),
    ["nested arrays and objects", prettierJson({ a: [{ x: 1 }, { y: [] }], b: {}, c: [1, 2, 3], d: "quote \" and \\ backslash" })],
  ];

  it.skipIf(!prettier).each(cases)("%s", async (_name, text) => {
    expect(await prettier!.format(text, { parser: "json", filepath: ".sdkwright.json" })).toBe(text);
  });

  it("is the manifest's JSON, ending with a newline", () => {
    const text = manifestContent(["b.ts", "a.ts"], { emit: "ts", format: false });
    expect(JSON.parse(text)).toEqual({ generator: "sdkwright", options: { emit: "ts", format: false }, files: ["a.ts", "b.ts"] });
    expect(text.endsWith("}\n")).toBe(true);
  });
});
