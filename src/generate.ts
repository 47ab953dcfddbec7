import { emitClient, GENERATED_HEADER, type GeneratedFile } from "./emit/index.js";
import { formatLocation } from "./errors.js";
import { loadSpec } from "./load/index.js";
import { buildModel, type ModelOptions } from "./model/index.js";
import type { ApiModel, Resource } from "./model/types.js";
import { runtimeFiles } from "./output/runtime.js";
import { writeOutput } from "./output/write.js";
import { generateSchemaTypes } from "./types/index.js";

export interface GenerateOptions {
  /** Path or http(s) URL of the OpenAPI description (JSON or YAML). */
  input: string;
  /** When set, the files are also written there (atomically). */
  out?: string;
  /** Generate into an existing folder that sdkwright did not create (its files are kept). */
  force?: boolean;
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
  stats: { resources: number; methods: number; files: number; ms: number };
}

/** spec → load/validate → types → model → emit → runtime → (write). The files are returned in memory either way. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const spec = await loadSpec(options.input, options.cwd === undefined ? {} : { cwd: options.cwd });
  const model = buildModel(spec.document, options.model);
  const schema: GeneratedFile = { path: "schema.ts", content: GENERATED_HEADER + generateSchemaTypes(spec.document) };
  const files = [schema, ...emitClient(model), ...(await runtimeFiles())].sort((a, b) => (a.path < b.path ? -1 : 1));
  if (options.out !== undefined) await writeOutput(options.out, files, { force: options.force === true });
  const warnings = [
    ...spec.warnings.map((w) => `${w.message} (${formatLocation(w.location)})`),
    ...model.warnings,
    ...model.lint.map((finding) => `${finding.method} ${finding.path} (${finding.call}): ${finding.reason}`),
  ];
  return { files, model, warnings, stats: { ...countMethods(model.resources), files: files.length, ms: performance.now() - started } };
}

function countMethods(resources: Resource[]): { resources: number; methods: number } {
  let counts = { resources: 0, methods: 0 };
  for (const resource of resources) {
    const nested = countMethods(resource.children);
    counts = { resources: counts.resources + 1 + nested.resources, methods: counts.methods + resource.methods.length + nested.methods };
  }
  return counts;
}
