/**
 * The programmatic API: `generate({ input, out? })` returns the generated files in memory and,
 * given `out`, writes them atomically.
 */
export { generate, type GenerateOptions, type GenerateResult } from "./generate.js";
export type { GeneratedFile } from "./emit/index.js";
export { SdkwrightError, type ErrorLocation } from "./errors.js";
export type { ApiMethod, ApiModel, Resource } from "./model/types.js";
export { writeOutput } from "./output/write.js";
export { inspect, formatInspection, type Inspection } from "./inspect.js";
export type { Warning, WarningCategory } from "./warnings.js";
export type { LintFinding, MethodOverride, ModelOptions, Overrides } from "./model/index.js";
export { diffSpecs, diffSdks, formatDiff, type Change, type DiffOptions, type DiffReport, type SdkSnapshot, type Severity } from "./diff/index.js";
