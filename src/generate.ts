import { createRequire, Module } from "node:module";
import path from "node:path";
import type { EmitFormat } from "./config.js";
import type { GeneratedFile } from "./emit/index.js";
import { requireCached } from "./code-cache.js";
import { SdkwrightError } from "./errors.js";
import { openSpec, type OpenedSpec } from "./load/open.js";
import type { SpecProblem } from "./load/validate.js";
import type { ModelOptions } from "./model/index.js";
import type { ApiModel, Resource } from "./model/types.js";
import type { CheckResult } from "./output/check.js";
import type { ImportExtension } from "./output/import-extension.js";
import type { StagedOutput } from "./output/write.js";
import { VERSION } from "./version.js";
import { readManifest, type RecordedOptions } from "./output/manifest.js";
import { collectWarnings, ignoreWarnings, warning, warningText, type Warning } from "./warnings.js";

export interface GenerateOptions {
  /** Path or http(s) URL of the OpenAPI description (JSON or YAML). */
  input: string;
  /** When set, the files are also written there (atomically). */
  out?: string;
  /** Generate into an existing folder that sdkwright did not create (its files are kept). */
  force?: boolean;
  /** Compare with `out` instead of writing it (`result.check` says what differs). */
  check?: boolean;
  /** TypeScript sources (default), or compiled `.js` + `.d.ts` as ES modules (`js`) or CommonJS (`cjs`). With `check` and unset: as the output was made. */
  emit?: EmitFormat;
  /** `ts`: the TypeScript output imports its own modules as `./x.ts`, for Deno and `node main.ts` (default `js`). */
  importExtension?: ImportExtension;
  /** Format the output with the project's Prettier (found from `cwd`). With `check` and unset: as the output was made. */
  format?: boolean;
  /** Aborting (e.g. on Ctrl-C) stops before the output is swapped in: the previous output stays as it was. */
  signal?: AbortSignal;
  /** Called as each stage starts, for progress output on big specs. */
  onProgress?: (stage: string) => void;
  /** Base for a relative `input` (default: the process's working directory). */
  cwd?: string;
  /** How the resource model is built: overrides, common-prefix stripping. */
  model?: ModelOptions;
  /** Name every method afresh instead of keeping the names in `out`'s lock file (or `model.lock`). */
  rename?: boolean;
  /** Time allowed to fetch each http(s) file of the spec (default 30 s). */
  timeoutMs?: number;
  /** Warning categories or codes to leave out of `warnings` and `diagnostics` (see src/warnings.ts). */
  ignoreWarnings?: string[];
}

export interface GenerateResult {
  files: GeneratedFile[];
  model: ApiModel;
  /** Spec problems that did not stop generation, and naming collisions that were resolved. */
  warnings: string[];
  /** The same warnings with their stable code, category, place and fix. */
  diagnostics: Warning[];
  /** Every file or URL the spec was read from (root and `$ref`s). */
  sources: string[];
  /** With `check`: how `out` differs from what the spec produces now. */
  check?: CheckResult;
  stats: { resources: number; methods: number; files: number; ms: number };
}

/**
 * spec → load/validate → model → emit → types → runtime → (write). The files are returned in memory either way.
 * Validation runs in a worker thread while the rest generates (see `openSpec`), and the output
 * folder is staged meanwhile (see `stageOutput`); nothing is swapped in or compared before
 * validation has passed, and its errors take precedence, as if it had run first.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const progress = (stage: string) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(stage);
  };
  progress("loading and validating the spec");
  // A relative `out`, like a relative `input`, is resolved against `cwd`.
  const cwd = options.cwd ?? process.cwd();
  const out = options.out === undefined ? undefined : path.resolve(cwd, options.out);
  options = withRecordedOptions(options, out);
  const record: RecordedOptions = { emit: options.emit ?? "ts", format: options.format === true, ...(options.importExtension === "ts" ? { importExtension: "ts" } : {}) };
  const spec = await openSpec(options.input, { cwd, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(options.signal ? { signal: options.signal } : {}) });
  let staged: StagedOutput | undefined;
  // Staged only when the file names are final once emitted: `--emit js` renames them.
  const stage =
    out !== undefined && !options.check && (options.emit ?? "ts") === "ts"
      ? async (paths: string[]) => void (staged = (await import("./output/write.js")).stageOutput(out, paths, { force: options.force === true, record }))
      : undefined;
  try {
    let generated: { files: GeneratedFile[]; model: ApiModel };
    try {
      generated = await generateFiles(spec, { options, cwd, out, progress, ...(stage ? { stage } : {}) });
    } catch (error) {
      if (options.signal?.aborted) spec.cancel();
      else await spec.validated;
      throw error;
    }
    const { files, model } = generated;
    const specWarnings = await settled(spec, options.signal);
    progress(options.check ? "comparing with the output folder" : out !== undefined ? "writing" : "done");
    let check: CheckResult | undefined;
    let replaced: string[] = [];
    if (out !== undefined && options.check) check = { ...(await import("./output/check.js")).checkOutput(out, files), options: record };
    else if (out !== undefined) {
      try {
        ({ replaced } = await writeFiles(out, files, staged, { ...options, record }));
      } catch (error) {
        throw (await import("./output/fs-errors.js")).fileSystemError(error, out);
      }
    }
    const diagnostics = ignoreWarnings([...collectWarnings(specWarnings, model), ...replaced.map(replacedWarning)], options.ignoreWarnings);
    const warnings = diagnostics.map(warningText);
    return { files, model, warnings, diagnostics, sources: spec.files, ...(check ? { check } : {}), stats: { ...countMethods(model.resources), files: files.length, ms: performance.now() - started } };
  } catch (error) {
    await staged?.discard();
    throw error;
  }
}

async function writeFiles(out: string, files: GeneratedFile[], staged: StagedOutput | undefined, options: GenerateOptions & { record: RecordedOptions }): Promise<{ replaced: string[] }> {
  if (staged) return staged.commit(files, options.signal);
  const { writeOutput } = await import("./output/write.js");
  return writeOutput(out, files, { force: options.force === true, record: options.record, ...(options.signal ? { signal: options.signal } : {}) });
}

/** `--check` makes the output the way the manifest says it was made (`--format`, `--emit`, `--import-extension`), unless told otherwise. */
function withRecordedOptions(options: GenerateOptions, out: string | undefined): GenerateOptions {
  const recorded = out !== undefined && options.check ? readManifest(out)?.options : undefined;
  if (!recorded) return options;
  const importExtension = options.importExtension ?? recorded.importExtension;
  return { ...options, emit: options.emit ?? recorded.emit, format: options.format ?? recorded.format, ...(importExtension ? { importExtension } : {}) };
}

function replacedWarning(file: string): Warning {
  return warning("output-file-replaced", `your ${file} in the output folder was replaced by the generated file of that name (--force)`, {
    fix: "keep your own files under other names than the generated ones",
  });
}

interface FilesContext {
  options: GenerateOptions;
  cwd: string;
  out: string | undefined;
  progress: (stage: string) => void;
  /** Called with the output's file names as soon as they are known. */
  stage?: (paths: string[]) => Promise<void>;
}

/** model → emit → types → runtime → banner → (compile, format): the files, in memory. */
async function generateFiles(spec: OpenedSpec, { options, cwd, out, progress, stage }: FilesContext) {
  // Imported here, after validation has started on the other core, rather than when this module loads.
  shareTypeScript();
  const [{ buildModel }, { generateSchemaTypes }, { emitClient }, { runtimeFiles }, { specHash, withBanner }, { LOCK_FILE, lockFile, readLockFile }, { lockOf }] = await Promise.all([
    import("./model/index.js"),
    import("./types/index.js"),
    import("./emit/index.js"),
    import("./output/runtime.js"),
    import("./output/banner.js"),
    import("./output/lock-file.js"),
    import("./model/name-lock.js"),
  ]);
  progress("building the resource model");
  // The previous output's names are kept (see model/name-lock.ts) unless told to rename.
  const lock = options.rename ? undefined : (options.model?.lock ?? (out === undefined ? undefined : readLockFile(out)?.methods));
  const { lock: _given, ...modelOptions } = options.model ?? {};
  const model = buildModel(spec.document, lock ? { ...modelOptions, lock } : modelOptions);
  progress("emitting the client");
  // The client before the types: the file names are known then, and the output folder is staged while types are generated.
  const client = [...emitClient(model), ...(await runtimeFiles())];
  await stage?.(["schema.ts", LOCK_FILE, ...client.map((file) => file.path)]);
  // Hashed before the types stage, which edits the document (discriminator enums) in place.
  const hash = specHash(spec.document);
  progress("generating types (openapi-typescript)");
  const schema: GeneratedFile = { path: "schema.ts", content: typesOrError(() => generateSchemaTypes(spec.document), spec.source) };
  const locked = lockFile({ generator: `sdkwright ${VERSION}`, spec: hash, methods: lockOf(model.resources) });
  const emitted = [schema, locked, ...client].sort((a, b) => (a.path < b.path ? -1 : 1));
  const typescript = await (await import("./output/import-extension.js")).withImportExtension(withBanner(emitted), options.importExtension, options.emit);
  if (options.emit && options.emit !== "ts") progress(`compiling to ${options.emit === "cjs" ? "CommonJS" : "ES modules"}`);
  const compiled = options.emit && options.emit !== "ts" ? await (await import("./output/compile.js")).compileOutput(typescript, options.emit) : typescript;
  if (options.format) progress("formatting with Prettier");
  const files = options.format ? await (await import("./output/format.js")).formatWithPrettier(compiled, cwd, out ?? cwd) : compiled;
  return { files, model };
}

/** Validation's warnings, once it is done; an abort stops the wait (and the validation). */
function settled(spec: OpenedSpec, signal: AbortSignal | undefined): Promise<SpecProblem[]> {
  if (!signal) return spec.validated;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      spec.cancel();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    spec.validated.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * ts-morph bundles a second copy of TypeScript (9 MB more to compile, ~30 MB of memory). Its
 * structure printer needs nothing that the `typescript` package openapi-typescript uses lacks, so
 * it is given that one: registered under the bundled copy's path before ts-morph first loads.
 */
function shareTypeScript(): void {
  try {
    const require = createRequire(import.meta.url);
    const bundled = path.join(path.dirname(createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common")), "typescript.js");
    if (require.cache[bundled]) return;
    const shared = new Module(bundled);
    shared.filename = bundled;
    shared.exports = requireCached("typescript");
    shared.loaded = true;
    require.cache[bundled] = shared;
  } catch {
    // Then ts-morph loads its own copy, as it would anyway.
  }
}

function countMethods(resources: Resource[]): { resources: number; methods: number } {
  let counts = { resources: 0, methods: 0 };
  for (const resource of resources) {
    const nested = countMethods(resource.children);
    counts = { resources: counts.resources + 1 + nested.resources, methods: counts.methods + resource.methods.length + nested.methods };
  }
  return counts;
}

/** openapi-typescript throws plain errors (e.g. a `$ref` that points at itself); report them as spec problems. */
function typesOrError(generateSchemaTypes: () => string, source: string): string {
  try {
    return generateSchemaTypes();
  } catch (error) {
    const message = error instanceof RangeError ? "the schemas are nested or recursive beyond what can be typed" : error instanceof Error ? error.message : String(error);
    throw new SdkwrightError(`cannot generate types for ${source}: ${message}`, {
      location: { file: source },
      hint: "a $ref chain must end at a schema (A → B → A with nothing else is not one); fix the schema named above",
      cause: error,
    });
  }
}
