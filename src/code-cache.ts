import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Script } from "node:vm";

/*
 * Compiling TypeScript's 9 MB compiler is a fixed ~0.1–0.2 s of every run, most of a small spec's.
 * The CLI keeps V8's compiled code between runs: Node ≥ 22.1 does it for every module
 * (`module.enableCompileCache`); on older Node, TypeScript alone is compiled from a code cache of
 * our own in node_modules/.cache/sdkwright. V8 checks a cache against the source and its own
 * version and ignores one that does not match, so a stale or foreign file costs nothing but the
 * cache miss. Every failure to read or write the cache is ignored: it only ever saves time.
 * SDKWRIGHT_CODE_CACHE=<folder> puts the cache elsewhere; SDKWRIGHT_CODE_CACHE=off turns it off.
 */

const require = createRequire(import.meta.url);

interface Pending {
  script: Script;
  file: string;
}

let enabled = false;
let pending: Pending | undefined;

/** Turns the cache on for this process (the CLI does; the programmatic API leaves the host's module loading alone). */
export function enableCodeCache(): void {
  if (enabled || process.env["SDKWRIGHT_CODE_CACHE"] === "off") return;
  enabled = true;
  if (!builtIn) return;
  try {
    builtIn(cacheDirectory());
  } catch {
    // No cache, as before.
  }
}

/** Node's own compile cache (Node ≥ 22.1). */
const builtIn = (Module as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;

/** `require(id)` of a CommonJS module, compiled from our code cache when the cache is enabled and Node has none of its own. */
export function requireCached<T>(id: string): T {
  const file = require.resolve(id);
  const loaded = require.cache[file];
  if (loaded) return loaded.exports as T;
  if (!enabled || builtIn) return require(id);
  try {
    return compileWithCache(id, file) as T;
  } catch {
    return require(id);
  }
}

/** Writes the code cache of a module compiled without a usable one; call when the run's work is done, so the functions it compiled on the way are in it. */
export function saveCodeCache(): void {
  if (!pending) return;
  const { script, file } = pending;
  pending = undefined;
  try {
    const data = script.createCachedData();
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a concurrent run reads the old cache or the new one, never half of one.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // Next run compiles from source again.
  }
}

function compileWithCache(id: string, file: string): unknown {
  const { version } = require(`${id}/package.json`) as { version: string };
  const cacheFile = path.join(cacheDirectory(), `${id}-${version}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (!cachedData || script.cachedDataRejected) pending = { script, file: cacheFile };
  // Registered as Node would register it, so every later `require` of it (openapi-typescript's, ts-morph's) gets this instance.
  const module = new Module(file);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    pending = undefined;
    throw error;
  }
  module.loaded = true;
  return module.exports;
}

/** SDKWRIGHT_CODE_CACHE, else `node_modules/.cache/sdkwright` beside the installed TypeScript (the project's), else one in the temp folder. */
function cacheDirectory(): string {
  const chosen = process.env["SDKWRIGHT_CODE_CACHE"];
  if (chosen) return path.resolve(chosen);
  try {
    const typescript = require.resolve("typescript/package.json");
    const nodeModules = path.dirname(path.dirname(typescript));
    if (path.basename(nodeModules) === "node_modules") return path.join(nodeModules, ".cache", "sdkwright");
  } catch {
    // Fall through.
  }
  return path.join(tmpdir(), `sdkwright-code-cache-${process.getuid?.() ?? "user"}`);
}
