import { existsSync } from "node:fs";
import { copyFile, cp, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { SdkwrightError } from "../errors.js";
import type { GeneratedFile } from "../emit/index.js";
import { MANIFEST, manifestContent, readManifest, type RecordedOptions } from "./manifest.js";

export { MANIFEST } from "./manifest.js";

export interface WriteOptions {
  /** Generate into a folder sdkwright did not create, and let generated files replace same-named files there. */
  force?: boolean;
  /** Recorded in the manifest, so `--check` makes the output the same way. */
  record?: RecordedOptions;
}

/**
 * Writes the files into a temporary sibling folder, then swaps it in with two renames, so a
 * failed or interrupted run leaves the previous output as it was. Files in the folder that
 * sdkwright did not write are carried over, never deleted; a folder it did not create is
 * refused unless `force` is set. A file of the user's with the name of a generated one is
 * refused too; with `force` the generated file replaces it (the SDK must compile), and the
 * commit returns its name so the caller can say so.
 */
export async function writeOutput(outDir: string, files: GeneratedFile[], options: WriteOptions & { signal?: AbortSignal } = {}): Promise<{ replaced: string[] }> {
  return stageOutput(outDir, files.map((file) => file.path), options).commit(files, options.signal);
}

export interface StagedOutput {
  /** Writes the files (the paths given to `stageOutput`, no more, no fewer) and swaps them in; throws what preparing the folder ran into. Returns the user's files that generated ones replaced. */
  commit(files: GeneratedFile[], signal?: AbortSignal): Promise<{ replaced: string[] }>;
  /** Removes the staging folder: the run failed before it could commit. */
  discard(): Promise<void>;
}

/**
 * `writeOutput` in two steps. Staging starts as soon as the file names are known: it checks the
 * output folder and creates the temporary folder with every file in it, empty, while the content
 * is still being generated, since creating files is the slow part of writing them (~0.5 ms each
 * here; filling an existing one costs a tenth of that). Its errors surface at `commit`, so they
 * come after the spec's own, as when the folder was only looked at once everything was generated.
 */
export function stageOutput(outDir: string, paths: string[], options: WriteOptions = {}): StagedOutput {
  const out = path.resolve(outDir);
  const ready = prepare(out, paths, options.force === true);
  ready.catch(() => {}); // reported by commit(); discard() has nothing to remove
  let settled = false;
  return {
    async commit(files, signal) {
      if (settled) throw new Error("this staged output was already committed or discarded");
      settled = true;
      const { staging, foreign, replaced } = await ready;
      try {
        const expected = [...paths].sort().join("\n");
        if (files.map((file) => file.path).sort().join("\n") !== expected) throw new Error("the files to commit are not the ones staged");
        await writeAll(staging, files, signal);
        await writeFile(path.join(staging, MANIFEST), manifestContent(files.map((f) => f.path), options.record));
        for (const relative of foreign) await cp(path.join(out, relative), path.join(staging, relative), { recursive: true, preserveTimestamps: true });
        // Last point of no return: an interrupt before it leaves the previous output; after it, the new one.
        signal?.throwIfAborted();
        await swap(staging, out);
        return { replaced };
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
    async discard() {
      if (settled) return;
      settled = true;
      const staged = await ready.catch(() => undefined);
      if (!staged) return;
      await rm(staged.staging, { recursive: true, force: true });
      // A run that fails leaves no trace, not even the folders above `out` that staging made.
      await removeEmptyFolders(path.dirname(out), staged.created);
    },
  };
}

/** Checks the output folder, then makes the staging folder with every file in it, empty. */
async function prepare(out: string, paths: string[], force: boolean): Promise<{ staging: string; foreign: string[]; replaced: string[]; created: string | undefined }> {
  for (const relative of paths) assertInside(out, relative);
  const present = await foreignFiles(out, force);
  const generated = new Set(paths);
  const replaced = present.filter((file) => generated.has(file));
  if (replaced.length > 0 && !force) {
    throw new SdkwrightError(`output folder ${out} has ${replaced.length === 1 ? "a file" : "files"} of yours with the name of a generated file`, {
      details: replaced.slice(0, 5).map((file) => `yours: ${file}`),
      hint: "move or rename them (they would not be kept), or pass --force to let the generated files replace them",
    });
  }
  const foreign = present.filter((file) => !generated.has(file));
  const created = await mkdir(path.dirname(out), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(out), `.${path.basename(out)}.sdkwright-`));
  try {
    const folders = [...new Set(paths.map((relative) => path.dirname(path.join(staging, relative))))].sort();
    for (const folder of folders) await mkdir(folder, { recursive: true });
    // Copies of one empty file, all requested at once: each copy is a single request to libuv's
    // threads, so they go on while this thread is busy generating types (a write needs it between
    // its open, write and close).
    const empty = path.join(staging, MANIFEST);
    await writeFile(empty, "");
    const results = await Promise.allSettled(paths.map((relative) => copyFile(empty, path.join(staging, relative))));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { staging, foreign, replaced, created };
}

/** Removes `folder` and its parents up to `top` (the first folder `mkdir` created), as long as they are empty. */
async function removeEmptyFolders(folder: string, top: string | undefined): Promise<void> {
  if (top === undefined) return;
  for (let dir = folder; dir.startsWith(top); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
  }
}

/** Files written at a time: the kernel overlaps several creations. */
const PARALLEL_WRITES = 16;

/** Each folder made once, then the files written several at a time. */
async function writeAll(root: string, files: GeneratedFile[], signal: AbortSignal | undefined): Promise<void> {
  const folders = [...new Set(files.map((file) => path.dirname(path.join(root, file.path))))].sort();
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let next = 0;
  let failed = false;
  const writer = async () => {
    while (next < files.length && !failed) {
      const file = files[next++]!;
      try {
        signal?.throwIfAborted();
        await writeFile(path.join(root, file.path), file.content);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every write settles before this returns, so none lands in the staging folder after it is removed.
  const results = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, writer));
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}

async function swap(staging: string, out: string): Promise<void> {
  if (!existsSync(out)) return rename(staging, out);
  const previous = `${staging}.previous`;
  await rename(out, previous);
  try {
    await rename(staging, out);
  } catch (error) {
    await rename(previous, out);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** Generated paths come from spec names: none may be absolute or climb out of the output folder. */
function assertInside(out: string, relative: string): void {
  const target = path.resolve(out, relative);
  if (path.isAbsolute(relative) || !target.startsWith(out + path.sep)) {
    throw new SdkwrightError(`refusing to write ${JSON.stringify(relative)}: it is outside the output folder ${out}`);
  }
}

/** Paths under `out` (relative) that the previous run did not write. */
async function foreignFiles(out: string, force: boolean): Promise<string[]> {
  if (!existsSync(out)) return [];
  if (!(await stat(out)).isDirectory()) {
    throw new SdkwrightError(`output path ${out} exists and is not a folder`, { hint: "pass --out a folder path" });
  }
  const present = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  if (present.length === 0) return [];
  const owned = readManifest(out)?.files;
  if (!owned && !force) {
    throw new SdkwrightError(`output folder ${out} already has files that sdkwright did not write`, {
      details: present.slice(0, 5).map((file) => `found: ${file}`),
      hint: "choose an empty or new folder for --out, or pass --force to generate into it (your files are kept; generated ones replace same-named files)",
    });
  }
  return present.filter((file) => file !== MANIFEST && !owned?.includes(file));
}
