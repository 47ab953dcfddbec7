import { readFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/index.js";
import { readLockFile, LOCK_FILE } from "../output/lock-file.js";
import { ownedFiles } from "../output/manifest.js";
import type { DiffReport } from "./types.js";

/**
 * `generate --check` on a stale output folder: what regenerating would change for the SDK's users,
 * the committed SDK (as written, with its lock file) against the one the spec gives now. Undefined
 * when the folder has no lock file (written by an older sdkwright): there is nothing to pair by.
 */
export async function diffStaleOutput(outDir: string, files: GeneratedFile[]): Promise<DiffReport | undefined> {
  const lock = readLockFile(outDir);
  const fresh = files.find((file) => file.path === LOCK_FILE);
  if (!lock || !fresh) return undefined;
  const { diffSdks } = await import("./index.js");
  const committed = ownedFiles(outDir).filter((file) => file.endsWith(".ts"));
  const before = committed.map((file) => ({ path: file, content: readFileSync(path.join(outDir, file), "utf8") }));
  return diffSdks({ files: before, methods: lock.methods }, { files, methods: (JSON.parse(fresh.content) as { methods: Record<string, string> }).methods });
}
