import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/index.js";
import { SdkwrightError } from "../errors.js";
import type { NameLock } from "../model/name-lock.js";

/**
 * Generated beside the SDK and committed with it: which spec and generator made the output, and
 * each operation's method. The next run reads it back to keep every method's name (see
 * model/name-lock.ts); `generate --check` compares it like any other file, so a spec change that
 * alters no code still shows the output as stale. Objects of strings only, printed as
 * `JSON.stringify` does, which Prettier leaves as it is.
 */
export const LOCK_FILE = "sdkwright.lock.json";

export interface LockFile {
  generator: string;
  /** sha256 of the bundled spec (16 hex digits). */
  spec: string;
  methods: NameLock;
}

export function lockFile(content: LockFile): GeneratedFile {
  return { path: LOCK_FILE, content: JSON.stringify(content, null, 2) + "\n" };
}

/** The previous output's lock, or undefined when there is none. A lock that cannot be read stops the run: guessing would rename methods. */
export function readLockFile(outDir: string): LockFile | undefined {
  const file = path.join(outDir, LOCK_FILE);
  if (!existsSync(file)) return undefined;
  const fail = (message: string) =>
    new SdkwrightError(`cannot read the lock file: ${message}`, {
      location: { file },
      hint: "restore it from version control, or delete it (or pass --rename) to name every method afresh",
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw fail((error as Error).message);
  }
  const methods = (parsed as { methods?: unknown } | null)?.methods;
  if (methods === null || typeof methods !== "object" || Array.isArray(methods)) throw fail('expected { "methods": { "GET /path": "resource.method", ... } }');
  const bad = Object.entries(methods).find(([, value]) => typeof value !== "string");
  if (bad) throw fail(`the method of ${JSON.stringify(bad[0])} is not a string`);
  const { generator, spec } = parsed as { generator?: unknown; spec?: unknown };
  return { generator: String(generator ?? ""), spec: String(spec ?? ""), methods: methods as NameLock };
}
