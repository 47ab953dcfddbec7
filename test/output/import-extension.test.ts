import { describe, expect, it } from "vitest";
import { withImportExtension } from "../../src/output/import-extension.js";

describe("--import-extension", () => {
  const source = [
    'import type { A } from "./a.js";',
    'import { b, type C } from "../runtime/index.js";',
    'export * from "./e.js";',
    'export { f } from "./f.js";',
    '/** Spec text: see from "./comment.js" */',
    'const s = "./string.js";',
    'import x from "pkg/x.js";',
  ].join("\n");

  it("ts: relative module specifiers end in .ts; comments, strings and packages stay as they are", async () => {
    const [file, readme] = await withImportExtension([{ path: "a.ts", content: source }, { path: "README.md", content: 'from "./a.js"' }], "ts", "ts");
    expect(file!.content.split("\n")).toEqual([
      'import type { A } from "./a.ts";',
      'import { b, type C } from "../runtime/index.ts";',
      'export * from "./e.ts";',
      'export { f } from "./f.ts";',
      '/** Spec text: see from "./comment.js" */',
      'const s = "./string.js";',
      'import x from "pkg/x.js";',
    ]);
    expect(readme!.content).toBe('from "./a.js"');
  });

  it("js (the default) changes nothing; ts with compiled output is refused", async () => {
    const files = [{ path: "a.ts", content: source }];
    expect(await withImportExtension(files, undefined, "ts")).toBe(files);
    expect(await withImportExtension(files, "js", "cjs")).toBe(files);
    await expect(withImportExtension(files, "ts", "cjs")).rejects.toThrow(/--import-extension ts applies to TypeScript output, not to --emit cjs/);
  });
});
