import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { OpenAPI3 } from "openapi-typescript";
import { SdkwrightError } from "../errors.js";
import type { SpecProblem } from "./validate.js";
import type { FetchLimits } from "./fetch.js";
import { resolveInput } from "./input.js";
import { repairLeniently } from "./lenient.js";
import { MAX_DEPTH } from "./json.js";
import { LIMITS } from "./limits.js";

/** A spec whose document is ready to generate from, while its validation may still be running. */
export interface OpenedSpec {
  /** The OpenAPI 3.x document, as `loadSpec` would return it. */
  document: OpenAPI3;
  /** Absolute path or URL of the root file. */
  source: string;
  /** Every file or URL read (what `--watch` watches). */
  files: string[];
  /** Validation's warnings; rejects with the error `loadSpec` would have thrown. Await it before writing anything. */
  validated: Promise<SpecProblem[]>;
  /** Stops a validation that is no longer wanted (an interrupted run). */
  cancel(): void;
}

/** What the validating thread reports. */
export type ValidationReport = { ok: true; warnings: SpecProblem[]; files: string[] } | { ok: false; error: SerializedError };
type SerializedError = { sdkwright: true; message: string; location: SpecProblem["location"]; hint: string | undefined; details: string[] } | { sdkwright: false; message: string; stack: string | undefined };

const WORKER = new URL("./validate-worker.js", import.meta.url);

/**
 * `loadSpec`, split in two so that both cores work: a single-file OpenAPI 3 spec (the common
 * case) is parsed here with the fast native JSON parser, and Redocly validates the same text in a
 * worker thread meanwhile; the caller generates from `document` and awaits `validated` before it
 * writes. Anything else (a URL, Swagger 2.0, external `$ref`s, text that does not parse, a size
 * near a limit) takes `loadSpec` itself, so every error is the one `loadSpec` reports.
 */
export async function openSpec(input: string, options: { cwd?: string } & FetchLimits = {}): Promise<OpenedSpec> {
  const cwd = options.cwd ?? process.cwd();
  const source = resolveInput(input, cwd);
  const text = await readLocal(source);
  if (text !== undefined) {
    const validation = startValidation(source, cwd, text);
    const document = await parseSingleFile(text, source);
    if (document !== undefined) return { document, source, files: [source], ...validation };
    validation.cancel();
  }
  const { loadSpec } = await import("./index.js");
  const { timeoutMs, signal } = options;
  const spec = await loadSpec(source, { cwd, ...(text === undefined ? {} : { text }), ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(signal ? { signal } : {}) });
  return { document: spec.document, source, files: spec.files, validated: Promise.resolve(spec.warnings), cancel: () => {} };
}

/** The root file's text, or undefined when `loadSpec` should read it (a URL, an unreadable or oversized file). */
async function readLocal(source: string): Promise<string | undefined> {
  if (/^https?:\/\//i.test(source)) return undefined;
  try {
    if ((await stat(source)).size > LIMITS.fileBytes) return undefined;
    return await readFile(source, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * The document, when the text is one self-contained OpenAPI 3.0/3.1 file; undefined otherwise.
 * "Self-contained" is judged generously: any `$ref` not starting with `#`, any `externalValue`
 * and any discriminator mapping that looks like a path sends the spec the careful way.
 */
async function parseSingleFile(text: string, file: string): Promise<OpenAPI3 | undefined> {
  let parsed: unknown;
  try {
    if (/^\s*[{[]/.test(text)) {
      // Every JSON value takes at least 2 characters: a text this short cannot exceed the expanded-values limit.
      if (text.length >= 2 * LIMITS.expandedNodes) return undefined;
      parsed = JSON.parse(text);
    } else {
      // YAML: Redocly's own parser (what validation uses), and the alias-expansion check, as `loadSpec` does.
      const [{ parseYaml }, { checkDocumentShape }] = await Promise.all([import("@redocly/openapi-core"), import("./limits.js")]);
      parsed = parseYaml(text.replace(/\r\n/g, "\n"), { filename: file });
      checkDocumentShape(parsed, file);
    }
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  // The same repairs as validation makes (and reports) on its copy of the text.
  repairLeniently(parsed, file);
  const version = (parsed as { openapi?: unknown }).openapi;
  if (typeof version !== "string" || !/^3\.[01]\.\d+/.test(version)) return undefined;
  return selfContained(parsed) ? (parsed as OpenAPI3) : undefined;
}

/** No reference that Redocly's resolver could follow out of the file, and no nesting it would refuse. Iterative: any depth is safe. */
function selfContained(root: object): boolean {
  const seen = new Set<object>();
  const stack: Array<{ node: object; depth: number; mapping: boolean }> = [{ node: root, depth: 0, mapping: false }];
  while (stack.length > 0) {
    const { node, depth, mapping } = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (depth > MAX_DEPTH) return false;
    const record = node as Record<string, unknown>;
    if (typeof record["$ref"] === "string" && !record["$ref"].startsWith("#")) return false;
    if (typeof record["externalValue"] === "string") return false;
    for (const key in record) {
      const value = record[key];
      if (value !== null && typeof value === "object") stack.push({ node: value, depth: depth + 1, mapping: key === "mapping" });
      else if (mapping && typeof value === "string" && !value.startsWith("#") && value.includes("/")) return false;
    }
  }
  return true;
}

/** Below this size, starting a thread costs more than it saves (petstore-expanded: 0.67 s with one, 0.60 s without). */
const WORKER_MIN_CHARS = 256 * 1024;

/**
 * Runs `loadSpec` on the text in a worker thread; in this thread for a small spec, or when no
 * compiled worker exists (under a TypeScript test runner).
 */
function startValidation(source: string, cwd: string, text: string): Pick<OpenedSpec, "validated" | "cancel"> {
  let report: Promise<ValidationReport>;
  let cancel = () => {};
  if (text.length >= WORKER_MIN_CHARS && WORKER.pathname.endsWith(".js") && existsSync(fileURLToPath(WORKER))) {
    // Validation's garbage is short-lived: a small young generation keeps the thread's memory down
    // (Twilio's spec: 225 → 200 MB peak for the process) at no measurable cost in time.
    const worker = new Worker(WORKER, { workerData: { source, cwd, text }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    cancel = () => void worker.terminate();
    report = new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the validation thread stopped (exit code ${code}) before it reported`)));
    });
  } else {
    report = Promise.resolve().then(() => validateText(source, cwd, text));
  }
  const validated = report.then((result) => {
    if (!result.ok) throw deserializeError(result.error);
    // The document was judged self-contained before validation began; a second file means that judgement was wrong.
    if (result.files.some((file) => file !== source)) throw new Error(`validation of ${source} read other files: ${result.files.join(", ")}`);
    return result.warnings;
  });
  // Awaited only later, by which time a rejection must not have counted as unhandled.
  validated.catch(() => {});
  return { validated, cancel };
}

/** The validating half of `openSpec`: `loadSpec` on the text, its outcome as plain data. */
export async function validateText(source: string, cwd: string, text: string): Promise<ValidationReport> {
  try {
    const [{ loadSpec }, { parseJson }] = await Promise.all([import("./index.js"), import("./json.js")]);
    const parsed = parseJson(text);
    const spec = await loadSpec(source, { cwd, text, ...(parsed === undefined ? {} : { parsed }) });
    return { ok: true, warnings: spec.warnings, files: spec.files };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof SdkwrightError) return { sdkwright: true, message: error.message, location: error.location, hint: error.hint, details: error.details };
  return { sdkwright: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}

function deserializeError(error: SerializedError): Error {
  if (error.sdkwright) return new SdkwrightError(error.message, { location: error.location, ...(error.hint === undefined ? {} : { hint: error.hint }), details: error.details });
  const plain = new Error(error.message);
  if (error.stack !== undefined) plain.stack = error.stack;
  return plain;
}
