import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { SdkwrightError } from "../errors.js";
import type { GeneratedFile } from "../emit/index.js";

/** Written into every output folder: marks it as sdkwright's and lists the files it owns. */
export const MANIFEST = ".sdkwright.json";

/**
 * Writes the files into a temporary sibling folder, then swaps it in with two renames, so a
 * failed or interrupted run leaves the previous output as it was. Files in the folder that
 * sdkwright did not write are carried over, never deleted; a folder it did not create is
 * refused unless `force` is set.
 */
export async function writeOutput(outDir: string, files: GeneratedFile[], options: { force?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  const out = path.resolve(outDir);
  for (const file of files) assertInside(out, file.path);
  const foreign = await foreignFiles(out, options.force === true);
  await mkdir(path.dirname(out), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(out), `.${path.basename(out)}.sdkwright-`));
  try {
    for (const file of files) {
      options.signal?.throwIfAborted();
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const manifest = { generator: "sdkwright", files: files.map((f) => f.path).sort() };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
    for (const relative of foreign) await cp(path.join(out, relative), path.join(staging, relative), { recursive: true, preserveTimestamps: true });
    // Last point of no return: an interrupt before it leaves the previous output; after it, the new one.
    options.signal?.throwIfAborted();
    await swap(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
  const owned = await readManifest(out);
  if (!owned && !force) {
    throw new SdkwrightError(`output folder ${out} already has files that sdkwright did not write`, {
      details: present.slice(0, 5).map((file) => `found: ${file}`),
      hint: "choose an empty or new folder for --out, or pass --force to generate into it (existing files are kept)",
    });
  }
  return present.filter((file) => file !== MANIFEST && !owned?.has(file));
}

async function readManifest(out: string): Promise<Set<string> | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(out, MANIFEST), "utf8")) as { files?: unknown };
    return Array.isArray(manifest.files) ? new Set(manifest.files.map(String)) : undefined;
  } catch {
    return undefined;
  }
}
