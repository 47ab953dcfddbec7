import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import { MANIFEST } from "../src/output/write.js";

const fixtures = path.join(import.meta.dirname, "../fixtures");
const names = readdirSync(fixtures).filter((name) => existsSync(path.join(fixtures, name, "openapi.yaml")));

/** Every file under `dir`, relative, with forward slashes. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

// The first fixture pays for loading the generator (openapi-typescript, ts-morph): seconds on a busy machine.
describe.each(names)("fixture %s", { timeout: 30_000 }, (name) => {
  it("matches its committed SDK byte for byte (run `npm run fixtures` after a deliberate change)", async () => {
    const { files } = await generate({ input: path.join(fixtures, name, "openapi.yaml") });
    const committed = path.join(fixtures, name, "sdk");
    expect(files.map((f) => f.path).sort()).toEqual(listFiles(committed).filter((f) => f !== MANIFEST));
    for (const file of files) expect(file.content, file.path).toBe(readFileSync(path.join(committed, file.path), "utf8"));
  });

  it("is deterministic: two runs give identical files", { timeout: 30_000 }, async () => {
    const input = path.join(fixtures, name, "openapi.yaml");
    const [a, b] = await Promise.all([generate({ input }), generate({ input })]);
    expect(a.files).toEqual(b.files);
  });
});
