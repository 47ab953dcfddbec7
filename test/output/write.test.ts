import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SdkwrightError } from "../../src/errors.js";
import { MANIFEST, stageOutput, writeOutput } from "../../src/output/write.js";

const temp = () => mkdtempSync(path.join(tmpdir(), "sdkwright-write-"));

describe("writeOutput", () => {
  it("writes the files and a manifest, replacing the previous run's files", async () => {
    const out = path.join(temp(), "sdk");
    await writeOutput(out, [{ path: "a.ts", content: "a" }, { path: "sub/b.ts", content: "b" }]);
    expect(readFileSync(path.join(out, "sub/b.ts"), "utf8")).toBe("b");
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")).files).toEqual(["a.ts", "sub/b.ts"]);
    await writeOutput(out, [{ path: "c.ts", content: "c" }]);
    expect(existsSync(path.join(out, "a.ts"))).toBe(false);
    expect(readFileSync(path.join(out, "c.ts"), "utf8")).toBe("c");
  });

  it("keeps files it did not write", async () => {
    const out = path.join(temp(), "sdk");
    await writeOutput(out, [{ path: "a.ts", content: "a" }]);
    mkdirSync(path.join(out, "custom"));
    writeFileSync(path.join(out, "custom/extra.ts"), "mine");
    await writeOutput(out, [{ path: "a.ts", content: "a2" }]);
    expect(readFileSync(path.join(out, "custom/extra.ts"), "utf8")).toBe("mine");
  });

  it.each(["../escape.ts", "/etc/passwd", "sub/../../x.ts"])("refuses to write %s outside the output folder", async (bad) => {
    const parent = temp();
    const out = path.join(parent, "sdk");
    await expect(writeOutput(out, [{ path: bad, content: "x" }])).rejects.toBeInstanceOf(SdkwrightError);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("leaves the previous output as it was when writing fails, and no staging folder behind", async () => {
    const parent = temp();
    const out = path.join(parent, "sdk");
    await writeOutput(out, [{ path: "a.ts", content: "old" }]);
    // A file and a folder of the same name cannot both be written: the run fails part-way.
    await expect(writeOutput(out, [{ path: "x", content: "1" }, { path: "x/y.ts", content: "2" }])).rejects.toThrow();
    expect(readFileSync(path.join(out, "a.ts"), "utf8")).toBe("old");
    expect(readdirSync(parent)).toEqual(["sdk"]);
  });

  it("refuses a non-empty folder it does not own unless forced", async () => {
    const out = temp();
    writeFileSync(path.join(out, "keep.txt"), "k");
    await expect(writeOutput(out, [{ path: "a.ts", content: "a" }])).rejects.toThrow(/did not write/);
    await writeOutput(out, [{ path: "a.ts", content: "a" }], { force: true });
    expect(readFileSync(path.join(out, "keep.txt"), "utf8")).toBe("k");
  });
});

describe("writeOutput: the user's files and the generated ones", () => {
  it("refuses a user's file with a generated file's name, naming it, and leaves the folder as it was", async () => {
    const out = path.join(temp(), "sdk");
    await writeOutput(out, [{ path: "a.ts", content: "a" }]);
    writeFileSync(path.join(out, "README.md"), "my notes");
    await expect(writeOutput(out, [{ path: "a.ts", content: "a" }, { path: "README.md", content: "generated" }])).rejects.toThrow(/file of yours with the name of a generated file/);
    expect(readFileSync(path.join(out, "README.md"), "utf8")).toBe("my notes");
  });

  it("with force, the generated file replaces the user's (so the SDK compiles) and its name is returned", async () => {
    const out = temp();
    writeFileSync(path.join(out, "client.ts"), "export const broken = ;");
    writeFileSync(path.join(out, "notes.md"), "mine");
    const { replaced } = await writeOutput(out, [{ path: "client.ts", content: "export const ok = 1;" }], { force: true });
    expect(replaced).toEqual(["client.ts"]);
    expect(readFileSync(path.join(out, "client.ts"), "utf8")).toBe("export const ok = 1;");
    expect(readFileSync(path.join(out, "notes.md"), "utf8")).toBe("mine");
    // The next run owns client.ts: nothing more is replaced, and the user's notes stay.
    expect((await writeOutput(out, [{ path: "client.ts", content: "export const ok = 2;" }])).replaced).toEqual([]);
    expect(readFileSync(path.join(out, "notes.md"), "utf8")).toBe("mine");
  });

  it("records the options the output was made with in the manifest", async () => {
    const out = path.join(temp(), "sdk");
    await writeOutput(out, [{ path: "a.js", content: "a" }], { record: { emit: "js", format: true } });
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8"))).toEqual({ generator: "sdkwright", options: { emit: "js", format: true }, files: ["a.js"] });
  });
});

describe("stageOutput: the folder prepared while the content is generated", () => {
  const staging = (parent: string) => readdirSync(parent).filter((name) => name.includes(".sdkwright-"));

  it("creates the files empty at once, and fills and swaps them in at commit", async () => {
    const parent = temp();
    const out = path.join(parent, "sdk");
    const staged = stageOutput(out, ["a.ts", "sub/b.ts"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [folder] = staging(parent);
    expect(readFileSync(path.join(parent, folder!, "sub/b.ts"), "utf8")).toBe("");
    expect(existsSync(out)).toBe(false);
    await staged.commit([{ path: "sub/b.ts", content: "b" }, { path: "a.ts", content: "a" }]);
    expect(readFileSync(path.join(out, "sub/b.ts"), "utf8")).toBe("b");
    expect(JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")).files).toEqual(["a.ts", "sub/b.ts"]);
    expect(staging(parent)).toEqual([]);
  });

  it("leaves nothing behind when discarded, and the previous output as it was", async () => {
    const parent = temp();
    const out = path.join(parent, "sdk");
    await writeOutput(out, [{ path: "a.ts", content: "old" }]);
    await stageOutput(out, ["a.ts"]).discard();
    expect(readFileSync(path.join(out, "a.ts"), "utf8")).toBe("old");
    expect(readdirSync(parent)).toEqual(["sdk"]);
  });

  it("removes the folders it made above the output when discarded", async () => {
    const parent = temp();
    await stageOutput(path.join(parent, "new/deeper/sdk"), ["a.ts"]).discard();
    expect(readdirSync(parent)).toEqual([]);
  });

  it("reports a folder it may not write into at commit, not before", async () => {
    const out = temp();
    writeFileSync(path.join(out, "keep.txt"), "k");
    const staged = stageOutput(out, ["a.ts"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(staged.commit([{ path: "a.ts", content: "a" }])).rejects.toThrow(/did not write/);
    await expect(stageOutput(out, ["../x.ts"]).commit([{ path: "../x.ts", content: "x" }])).rejects.toBeInstanceOf(SdkwrightError);
  });

  it("refuses to commit other files than it staged", async () => {
    const parent = temp();
    await expect(stageOutput(path.join(parent, "sdk"), ["a.ts"]).commit([{ path: "b.ts", content: "b" }])).rejects.toThrow(/not the ones staged/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

