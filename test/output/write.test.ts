import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SdkwrightError } from "../../src/errors.js";
import { MANIFEST, writeOutput } from "../../src/output/write.js";

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
