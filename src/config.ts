import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SdkwrightError } from "./errors.js";
import type { ModelOptions, Overrides } from "./model/index.js";
import type { ImportExtension } from "./output/import-extension.js";
import { unknownWarningName, WARNING_CATEGORIES } from "./warnings.js";

/**
 * `sdkwright.config.{json,mjs,ts}` (or `--config file`): one spec, or several under `specs`, with
 * keys at the top level acting as defaults for each. Paths are relative to the config file.
 *
 *     { "input": "openapi.yaml", "output": "src/api", "baseUrl": "https://api.example.com",
 *       "retry": { "maxRetries": 3 }, "emit": "ts", "stripCommonPrefix": true,
 *       "overrides": { "markRead": { "resource": "notifications", "method": "markRead" } } }
 */
export interface Target {
  input?: string;
  output?: string;
  /** Unset: TypeScript, or with `--check` as the output was made. */
  emit?: EmitFormat;
  /** `ts`: relative imports end in `.ts` (see output/import-extension.ts). */
  importExtension?: ImportExtension;
  /** Format with the project's Prettier. */
  format?: boolean;
  model: ModelOptions;
  /** Warning categories or codes not to show (see src/warnings.ts). */
  ignoreWarnings?: string[];
}

export type EmitFormat = "ts" | "js" | "cjs";

export const CONFIG_FILES = ["sdkwright.config.json", "sdkwright.config.mjs", "sdkwright.config.ts"] as const;

const TARGET_KEYS = ["input", "output", "baseUrl", "retry", "emit", "importExtension", "format", "stripCommonPrefix", "overrides", "ignoreWarnings"] as const;

/** The config file named by `--config`, else the first `sdkwright.config.*` in `cwd`, else none (also with `--no-config`). */
export function findConfig(explicit: string | false | undefined, cwd: string): string | undefined {
  if (explicit === false) return undefined;
  if (explicit !== undefined) return path.resolve(cwd, explicit);
  return CONFIG_FILES.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
}

export async function readConfig(file: string): Promise<Target[]> {
  const raw = await loadConfigModule(file);
  const fail = (pointer: string, message: string) =>
    new SdkwrightError(`invalid config: ${message}`, {
      location: { file, pointer },
      hint: `allowed keys: ${TARGET_KEYS.join(", ")}, specs (see docs/resource-model.md and README "Use it in your build")`,
    });
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fail("", "expected an object");
  const { specs, ...defaults } = raw as Record<string, unknown>;
  const base = path.dirname(file);
  if (specs === undefined) return [parseTarget(defaults, "", base, fail)];
  if (!Array.isArray(specs) || specs.length === 0) throw fail("/specs", "expected a non-empty array of { input, output, ... }");
  return specs.map((spec, index) => {
    if (spec === null || typeof spec !== "object" || Array.isArray(spec)) throw fail(`/specs/${index}`, "expected an object");
    return parseTarget({ ...defaults, ...spec }, `/specs/${index}`, base, fail);
  });
}

type Fail = (pointer: string, message: string) => SdkwrightError;

function parseTarget(raw: Record<string, unknown>, at: string, base: string, fail: Fail): Target {
  const unknown = Object.keys(raw).find((key) => !(TARGET_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) throw fail(`${at}/${escape(unknown)}`, `unknown key "${unknown}"`);
  const { input, output, baseUrl, retry, emit, importExtension, format, stripCommonPrefix, overrides, ignoreWarnings } = raw;
  const string = (value: unknown, key: string) => {
    if (value !== undefined && (typeof value !== "string" || value === "")) throw fail(`${at}/${key}`, `"${key}" must be a non-empty string`);
    return value as string | undefined;
  };
  const target: Target = { model: {} };
  const inputPath = string(input, "input");
  if (inputPath !== undefined) target.input = /^https?:\/\//i.test(inputPath) ? inputPath : path.resolve(base, inputPath);
  const outputPath = string(output, "output");
  if (outputPath !== undefined) target.output = path.resolve(base, outputPath);
  const url = string(baseUrl, "baseUrl");
  if (url !== undefined) target.model.baseUrl = url;
  if (emit !== undefined) {
    if (emit !== "ts" && emit !== "js" && emit !== "cjs") throw fail(`${at}/emit`, `"emit" must be "ts", "js" or "cjs"`);
    target.emit = emit;
  }
  if (importExtension !== undefined) {
    if (importExtension !== "js" && importExtension !== "ts") throw fail(`${at}/importExtension`, `"importExtension" must be "js" or "ts"`);
    target.importExtension = importExtension;
  }
  if (format !== undefined) {
    if (typeof format !== "boolean") throw fail(`${at}/format`, "expected true or false");
    target.format = format;
  }
  if (retry !== undefined) target.model.retry = parseRetry(retry, `${at}/retry`, fail);
  if (stripCommonPrefix !== undefined) {
    if (typeof stripCommonPrefix !== "boolean") throw fail(`${at}/stripCommonPrefix`, "expected true or false");
    target.model.stripCommonPrefix = stripCommonPrefix;
  }
  if (overrides !== undefined) target.model.overrides = parseOverrides(overrides, `${at}/overrides`, fail);
  if (ignoreWarnings !== undefined) target.ignoreWarnings = parseIgnoreWarnings(ignoreWarnings, `${at}/ignoreWarnings`, fail);
  return target;
}

function parseRetry(value: unknown, at: string, fail: Fail): NonNullable<ModelOptions["retry"]> {
  if (value === false) return false;
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw fail(at, "expected false or { maxRetries?, initialDelayMs?, maxDelayMs?, methods? }");
  const result: Record<string, number | string[]> = {};
  for (const [key, n] of Object.entries(value)) {
    if (key === "methods") {
      result.methods = parseRetryMethods(n, `${at}/methods`, fail);
      continue;
    }
    if (!["maxRetries", "initialDelayMs", "maxDelayMs"].includes(key)) throw fail(`${at}/${escape(key)}`, `unknown retry option "${key}"`);
    if (typeof n !== "number" || !Number.isFinite(n) || n < 0) throw fail(`${at}/${key}`, `"${key}" must be a number ≥ 0`);
    result[key] = n;
  }
  return result;
}

/** `retry.methods` narrows which methods retry; POST or PATCH in it still need an idempotency key. */
function parseRetryMethods(value: unknown, at: string, fail: Fail): string[] {
  const allowed = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH"];
  if (!Array.isArray(value) || !value.every((m) => typeof m === "string" && allowed.includes(m))) throw fail(at, `"methods" must be a list of ${allowed.join(", ")}`);
  return [...value] as string[];
}

function parseOverrides(value: unknown, at: string, fail: Fail): Overrides {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw fail(at, 'expected an object keyed by operationId or "METHOD /path"');
  for (const [key, override] of Object.entries(value)) {
    const pointer = `${at}/${escape(key)}`;
    if (override === null || typeof override !== "object") throw fail(pointer, "expected { resource?, method?, pagination? }");
    const { resource, method, pagination, ...rest } = override as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw fail(`${pointer}/${escape(extra)}`, `unknown override key "${extra}" (expected resource, method or pagination)`);
    if (pagination !== undefined && pagination !== false && (pagination === null || typeof pagination !== "object" || Array.isArray(pagination))) {
      throw fail(`${pointer}/pagination`, 'expected false or { scheme: "link" | "next-url" | "cursor" | "after-item" | "offset" | "page", items?, ... }');
    }
    if (resource !== undefined && typeof resource !== "string" && !Array.isArray(resource)) throw fail(`${pointer}/resource`, "expected a dotted name");
    if (method !== undefined && typeof method !== "string") throw fail(`${pointer}/method`, "expected a method name");
  }
  return value as Overrides;
}

function parseIgnoreWarnings(value: unknown, at: string, fail: Fail): string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string")) throw fail(at, 'expected an array of warning categories or codes, e.g. ["semantics"]');
  const unknown = unknownWarningName(value);
  if (unknown !== undefined) throw fail(at, `unknown warning category or code "${unknown}" (categories: ${Object.keys(WARNING_CATEGORIES).join(", ")})`);
  return value;
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** JSON is parsed; .mjs is imported; .ts is transpiled with TypeScript first (Node 20 cannot import it). */
async function loadConfigModule(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new SdkwrightError(`config file not found: ${file}`, { location: { file }, hint: "check the --config path" });
  try {
    if (file.endsWith(".json")) return JSON.parse(readFileSync(file, "utf8"));
    if (file.endsWith(".ts")) return await importTypeScript(file);
    return ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    if (error instanceof SdkwrightError) throw error;
    throw new SdkwrightError(`cannot read config ${path.basename(file)}: ${(error as Error).message.split("\n")[0]}`, {
      location: { file },
      hint: file.endsWith(".json") ? "the file must be valid JSON" : "the module must `export default` the config object",
    });
  }
}

async function importTypeScript(file: string): Promise<unknown> {
  const { ts } = await import("./typescript.js");
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const dir = await mkdtemp(path.join(tmpdir(), "sdkwright-config-"));
  try {
    const compiled = path.join(dir, "config.mjs");
    await writeFile(compiled, outputText);
    return ((await import(pathToFileURL(compiled).href)) as { default?: unknown }).default;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface TargetFlags {
  spec?: string | undefined;
  out?: string | undefined;
  /** `false`: `--no-config`, read no config file. */
  config?: string | false | undefined;
  ignoreWarnings?: string[] | undefined;
  baseUrl?: string | undefined;
  emit?: EmitFormat | undefined;
  importExtension?: ImportExtension | undefined;
  format?: boolean | undefined;
}

/**
 * What to generate: the config file's targets with the command-line flags on top. A spec and
 * `--out` on the command line name one target, so they cannot be combined with a config that
 * lists several.
 */
export async function resolveTargets(flags: TargetFlags, cwd: string, needOutput = true): Promise<Array<Target & { input: string }>> {
  const unknownName = unknownWarningName(flags.ignoreWarnings ?? []);
  if (unknownName !== undefined) {
    throw new SdkwrightError(`--ignore-warnings: unknown warning category or code "${unknownName}"`, {
      hint: `name a category (${Object.keys(WARNING_CATEGORIES).join(", ")}) or a code shown in brackets after a warning`,
    });
  }
  const file = findConfig(flags.config, cwd);
  const configured = file === undefined ? [] : await readConfig(file);
  if (configured.length > 1 && (flags.spec !== undefined || flags.out !== undefined)) {
    throw new SdkwrightError(`the config lists ${configured.length} specs, so a spec or --out on the command line is ambiguous`, {
      location: { file: file! },
      hint: "run `sdkwright generate` without a spec to generate them all, pass --no-config to use only the command line, or --config with a single-spec file",
    });
  }
  const targets: Target[] = configured.length > 0 ? configured : [{ model: {} }];
  return targets.map((target, index) => {
    const input = flags.spec === undefined ? target.input : /^https?:\/\//i.test(flags.spec) ? flags.spec : path.resolve(cwd, flags.spec);
    const output = flags.out === undefined ? target.output : path.resolve(cwd, flags.out);
    const where = file === undefined ? {} : { location: { file, pointer: configured.length > 1 ? `/specs/${index}` : "" } };
    if (input === undefined) {
      throw new SdkwrightError("no spec to read", { ...where, hint: "pass one (`sdkwright generate openapi.yaml --out src/api`) or set `input` in sdkwright.config.json" });
    }
    if (needOutput && output === undefined) {
      throw new SdkwrightError("no output folder", { ...where, hint: "pass --out <dir> or set `output` in sdkwright.config.json" });
    }
    const ignoreWarnings = [...(target.ignoreWarnings ?? []), ...(flags.ignoreWarnings ?? [])];
    return {
      ...(ignoreWarnings.length ? { ignoreWarnings } : {}),
      input,
      ...(output === undefined ? {} : { output }),
      ...(flags.emit ?? target.emit ? { emit: flags.emit ?? target.emit } : {}),
      ...(flags.importExtension ?? target.importExtension ? { importExtension: flags.importExtension ?? target.importExtension } : {}),
      ...((flags.format ?? target.format) === undefined ? {} : { format: flags.format ?? target.format }),
      model: { ...target.model, ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }) },
    };
  });
}
