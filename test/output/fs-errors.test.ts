import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SdkwrightError } from "../../src/errors.js";
import { generate } from "../../src/index.js";
import { fileSystemError } from "../../src/output/fs-errors.js";

const errno = (code: string, file = "/data/sdk/.sdk.sdkwright-x") => Object.assign(new Error(`${code}: failed, open '${file}'`), { code, path: file });

describe("file-system errors while writing --out", () => {
  it.each([
    ["EACCES", /permission denied/, /folder you can write to/],
    ["EROFS", /read-only/, /writable disk/],
    ["ENOSPC", /no space left/, /free some disk space/],
    ["EDQUOT", /quota/, /within your quota/],
  ])("%s becomes one line with a fix", (code, what, fix) => {
    const error = fileSystemError(errno(code), "/data/sdk") as SdkwrightError;
    expect(error).toBeInstanceOf(SdkwrightError);
    expect(error.message).toMatch(what);
    expect(error.message).toContain(`(${code} on /data/sdk/.sdk.sdkwright-x)`);
    expect(error.hint).toMatch(fix);
    expect(error.hint).toMatch(/previous output.*left as it was/);
    expect(error.format()).not.toMatch(/bug in sdkwright|\(.*:\d+:\d+\)/);
  });

  it("leaves other errors as they are", () => {
    const plain = new Error("something else");
    expect(fileSystemError(plain, "/x")).toBe(plain);
    const ours = new SdkwrightError("ours");
    expect(fileSystemError(ours, "/x")).toBe(ours);
  });

  // The whole pipeline runs (about 1.5 s when the machine is quiet).
  it("an --out under a regular file fails with the fix, through generate()", { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-fs-"));
    writeFileSync(path.join(dir, "file"), "not a folder");
    const spec = path.resolve("fixtures/petstore/openapi.yaml");
    const error = await generate({ input: spec, out: path.join(dir, "file", "sdk") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkwrightError);
    expect((error as SdkwrightError).message).toMatch(/^cannot write the SDK to .*file\/sdk: a part of the path is a file, not a folder \((ENOTDIR|EEXIST)/);
  });
});
