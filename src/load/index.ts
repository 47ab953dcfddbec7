import type { BaseResolver } from "@redocly/openapi-core";
import type { OpenAPI3 } from "openapi-typescript";
import { SdkwrightError } from "../errors.js";
import type { FetchLimits } from "./fetch.js";
import { readRootDocument, resolveInput } from "./read.js";
import { repairLeniently } from "./lenient.js";
import { GuardedResolver } from "./resolver.js";
import { convertSwagger2, isSwagger2, SWAGGER_2 } from "./swagger2.js";
import { bundleDocument, validateDocument, type CheckOptions, type SpecProblem } from "./validate.js";

export interface LoadedSpec {
  /**
   * The bundled OpenAPI 3.x document: external refs inlined, internal `#/...` refs kept.
   * A Swagger 2.0 input arrives here converted to OpenAPI 3.0.
   */
  document: OpenAPI3;
  /** Absolute path or URL of the root file. */
  source: string;
  /** Problems that did not stop loading, including what a Swagger 2.0 conversion could not carry over. */
  warnings: SpecProblem[];
  /** Every file or URL read: the root and whatever its `$ref`s reached (what `--watch` watches). */
  files: string[];
}

/**
 * load → (convert Swagger 2.0) → validate → bundle: a file path or http(s) URL to one validated
 * OpenAPI 3 document. `text` is the root file's content when the caller has already read it,
 * `parsed` that text parsed (see `parseJson`).
 */
export async function loadSpec(input: string, options: { cwd?: string; text?: string; parsed?: object } & FetchLimits = {}): Promise<LoadedSpec> {
  const cwd = options.cwd ?? process.cwd();
  const source = resolveInput(input, cwd);
  const { text, parsed } = options;
  const limits: FetchLimits = { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(options.signal ? { signal: options.signal } : {}) };
  const reader = new GuardedResolver(source, cwd, { ...(text === undefined ? {} : { text }), ...(text === undefined || parsed === undefined ? {} : { parsed }) }, limits);
  let resolver = reader;
  let root = await readRootDocument(source, resolver);
  const warnings: SpecProblem[] = [];
  const check: CheckOptions = {};
  if (isSwagger2(root.parsed as Record<string, unknown>)) {
    const converted = await convertSwagger2(root, reader);
    root = converted.document;
    warnings.push(...converted.warnings);
    check.convertedFrom = SWAGGER_2;
    // The converted document is self-contained; a fresh resolver keeps the Swagger original out of its cache.
    resolver = new GuardedResolver(source, cwd, {}, limits);
  } else {
    warnings.push(...repairLeniently(root.parsed, source));
    checkVersion(root.parsed as Record<string, unknown>, source);
  }
  warnings.push(...(await validateDocument(root, resolver, check)));
  // Validation resolved every $ref; when none left the root file, there is nothing to bundle (1.5 s saved on GitHub).
  const external = [...resolver.getFiles()].some((file) => file !== root.source.absoluteRef);
  const document = (external ? await bundleDocument(root, check, resolver) : root.parsed) as OpenAPI3;
  const files = [...new Set([source, ...reader.getFiles()])].sort();
  return { document, source, warnings, files };
}

function checkVersion(parsed: Record<string, unknown>, file: string): void {
  const version = parsed["openapi"];
  if (typeof version === "string" && /^3\.[01]\.\d+/.test(version)) return;
  if (parsed["swagger"] !== undefined && version === undefined) {
    throw new SdkwrightError(`Swagger ${String(parsed["swagger"])} documents are not supported`, {
      location: { file, pointer: "/swagger" },
      hint: "sdkwright reads OpenAPI 3.0/3.1 and converts Swagger 2.0 itself; upgrade older Swagger documents to 2.0 or OpenAPI 3 first (e.g. with api-spec-converter)",
    });
  }
  throw new SdkwrightError(
    version === undefined ? "not an OpenAPI document: no top-level `openapi` field" : `unsupported OpenAPI version: ${String(version)}`,
    {
      location: { file, pointer: version === undefined ? "" : "/openapi" },
      hint: "sdkwright reads OpenAPI 3.0 and 3.1 documents (`openapi: 3.0.3` or `openapi: 3.1.0` at the top level)",
    },
  );
}
