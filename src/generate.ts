import { emitClient, type GeneratedFile } from "./emit/index.js";
import { formatLocation, SdkwrightError } from "./errors.js";
import { loadSpec, type LoadedSpec } from "./load/index.js";
import type { EmitFormat } from "./config.js";
import { buildModel, type ModelOptions } from "./model/index.js";
import path from "node:path";
import { compileOutput } from "./output/compile.js";
import { formatWithPrettier } from "./output/format.js";
import type { ApiModel, Resource } from "./model/types.js";
import { runtimeFiles } from "./output/runtime.js";
import { specHash, withBanner } from "./output/banner.js";
import { checkOutput, type CheckResult } from "./output/check.js";
import { writeOutput } from "./output/write.js";
import { VERSION } from "./version.js";
import { generateSchemaTypes } from "./types/index.js";

export interface GenerateOptions {
  /** Path or http(s) URL of the OpenAPI description (JSON or YAML). */
  input: string;
  /** When set, the files are also written there (atomically). */
  out?: string;
  /** Generate into an existing folder that sdkwright did not create (its files are kept). */
  force?: boolean;
  /** Compare with `out` instead of writing it (`result.check` says what differs). */
  check?: boolean;
  /** TypeScript sources (default), or compiled `.js` + `.d.ts` as ES modules (`js`) or CommonJS (`cjs`). */
  emit?: EmitFormat;
  /** Format the output with the project's Prettier (found from `cwd`). */
  format?: boolean;
  /** Aborting (e.g. on Ctrl-C) stops before the output is swapped in: the previous output stays as it was. */
  signal?: AbortSignal;
  /** Called as each stage starts, for progress output on big specs. */
  onProgress?: (stage: string) => void;
  /** Base for a relative `input` (default: the process's working directory). */
  cwd?: string;
  /** How the resource model is built: overrides, common-prefix stripping. */
  model?: ModelOptions;
}

export interface GenerateResult {
  files: GeneratedFile[];
  model: ApiModel;
  /** Spec problems that did not stop generation, and naming collisions that were resolved. */
  warnings: string[];
  /** Every file or URL the spec was read from (root and `$ref`s). */
  sources: string[];
  /** With `check`: how `out` differs from what the spec produces now. */
  check?: CheckResult;
  stats: { resources: number; methods: number; files: number; ms: number };
}

/** spec → load/validate → types → model → emit → runtime → (write). The files are returned in memory either way. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const progress = (stage: string) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(stage);
  };
  progress("loading and validating the spec");
  const spec = await loadSpec(options.input, options.cwd === undefined ? {} : { cwd: options.cwd });
  progress("building the resource model");
  const model = buildModel(spec.document, options.model);
  progress("generating types (openapi-typescript)");
  const schema: GeneratedFile = { path: "schema.ts", content: typesOrError(spec.document, spec.source) };
  progress("emitting the client");
  const emitted = [schema, ...emitClient(model), ...(await runtimeFiles())].sort((a, b) => (a.path < b.path ? -1 : 1));
  const typescript = withBanner(emitted, VERSION, specHash(spec.document));
  if (options.emit && options.emit !== "ts") progress(`compiling to ${options.emit === "cjs" ? "CommonJS" : "ES modules"}`);
  const compiled = options.emit && options.emit !== "ts" ? await compileOutput(typescript, options.emit) : typescript;
  if (options.format) progress("formatting with Prettier");
  // A relative `out`, like a relative `input`, is resolved against `cwd`.
  const cwd = options.cwd ?? process.cwd();
  const out = options.out === undefined ? undefined : path.resolve(cwd, options.out);
  const files = options.format ? await formatWithPrettier(compiled, cwd, out ?? cwd) : compiled;
  progress(options.check ? "comparing with the output folder" : out !== undefined ? "writing" : "done");
  let check: CheckResult | undefined;
  if (out !== undefined && options.check) check = checkOutput(out, files);
  else if (out !== undefined) await writeOutput(out, files, { force: options.force === true, ...(options.signal ? { signal: options.signal } : {}) });
  const warnings = [
    ...spec.warnings.map((w) => `${w.message} (${formatLocation(w.location)})`),
    ...model.warnings,
    ...model.lint.map((finding) => `${finding.method} ${finding.path} (${finding.call}): ${finding.reason}`),
  ];
  return { files, model, warnings, sources: spec.files, ...(check ? { check } : {}), stats: { ...countMethods(model.resources), files: files.length, ms: performance.now() - started } };
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
function typesOrError(document: LoadedSpec["document"], source: string): string {
  try {
    return generateSchemaTypes(document);
  } catch (error) {
    const message = error instanceof RangeError ? "the schemas are nested or recursive beyond what can be typed" : error instanceof Error ? error.message : String(error);
    throw new SdkwrightError(`cannot generate types for ${source}: ${message}`, {
      location: { file: source },
      hint: "a $ref chain must end at a schema (A → B → A with nothing else is not one); fix the schema named above",
      cause: error,
    });
  }
}
