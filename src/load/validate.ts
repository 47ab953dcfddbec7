import {
  bundle,
  createConfig,
  getLineColLocation,
  lintDocument,
  type BaseResolver,
  type Config,
  type Document,
  type NormalizedProblem,
} from "@redocly/openapi-core";
import { SdkwrightError, type ErrorLocation } from "../errors.js";
import { decodePointer, decodeSegment } from "../json-pointer.js";
import { findRefCycle } from "./ref-cycle.js";

/**
 * Structural rules only: what would make the generated SDK wrong. Style rules (summaries,
 * tags, examples) are the API author's business, not a reason to refuse to generate.
 */
const RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "operation-operationId-unique": "error",
  "path-parameters-defined": "warn",
  "no-identical-paths": "warn",
} as const;

let configPromise: Promise<Config> | undefined;
function redoclyConfig(): Promise<Config> {
  configPromise ??= createConfig({ rules: RULES });
  return configPromise;
}

export interface SpecProblem {
  message: string;
  location: ErrorLocation;
  /** Stable warning code (see src/warnings.ts): a lenient repair's, or the validation rule's. */
  code?: string;
  /** How to fix it, when there is more to say than the message. */
  fix?: string;
}

export interface CheckOptions {
  /**
   * Set when the document is not the file the user wrote but was produced from it (Swagger 2.0 →
   * OpenAPI 3.0): its source text is generated, so line numbers would point nowhere and are left
   * out, and errors say that the pointer is into the converted document.
   */
  convertedFrom?: string;
}

/** Checks the document against the OpenAPI schema and returns warnings; throws on the first errors. */
export async function validateDocument(document: Document, resolver: BaseResolver, options: CheckOptions = {}): Promise<SpecProblem[]> {
  const config = await redoclyConfig();
  const problems = await redocly(document, () => lintDocument({ document, config: config.styleguide, externalRefResolver: resolver }));
  throwOnErrors(problems, "the spec is not valid OpenAPI", options, document);
  // Warnings carry the file and JSON pointer but no line: finding a line parses the whole source
  // into an AST (about 5 s for GitHub's 13 MB spec), which only errors are worth.
  return problems.filter((problem) => !isFatal(problem) && !problem.ignored).map((problem) => toSpecProblem(problem, { ...options, withLine: false }));
}

/**
 * Inlines every external `$ref` into one document (internal refs are kept as refs). Works for
 * Swagger 2.0 too: external definitions land under `definitions`, `parameters`, `responses`.
 */
export async function bundleDocument(document: Document, options: CheckOptions = {}, resolver?: BaseResolver): Promise<unknown> {
  const config = await redoclyConfig();
  // The validating resolver again: its read policy applies, and files it already parsed are not read twice.
  const result = await redocly(document, () => bundle({ config, doc: document, dereference: false, ...(resolver ? { externalRefResolver: resolver } : {}) }));
  throwOnErrors(result.problems, "the spec's references cannot be bundled", options, document);
  return result.bundle.parsed;
}

/** Redocly throws plain errors for a few broken specs (a `$ref` chain that returns to itself); report them as spec errors. */
async function redocly<T>(document: Document, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SdkwrightError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const cycle = /circular/i.test(message) ? findRefCycle(document.parsed) : undefined;
    throw new SdkwrightError(`cannot resolve the spec's references: ${message}${cycle ? `: ${cycle.join(" → ")}` : ""}`, {
      location: { file: document.source.absoluteRef, ...(cycle ? { pointer: cycle[0]!.slice(1) } : {}) },
      hint: /circular/i.test(message)
        ? "a $ref chain must end at a schema; one here leads back to itself (A → B → A) with nothing in between"
        : "check the spec's $refs",
      cause: error,
    });
  }
}

const MAX_LISTED_ERRORS = 10;

/**
 * Real specs (GitHub, Stripe, Twilio, Adyen) break JSON Schema strictness rules inside schemas,
 * e.g. `nullable` without `type`. Types are still generated for them, so inside a schema a
 * structural problem is a warning; anywhere else (paths, operations, parameters) it is an error.
 */
function isFatal(problem: NormalizedProblem): boolean {
  if (problem.severity !== "error" || problem.ignored) return false;
  // An unresolvable $ref in an example or a discriminator mapping changes no generated type.
  if (/Can.t resolve \$ref/.test(problem.message) && /\/(examples?|mapping)(\/|$)/.test(problem.location[0]?.pointer ?? "")) return false;
  if (problem.ruleId !== "struct") return true;
  // An unknown property (a vendor field without `x-`, e.g. Google's top-level `source`) changes nothing we generate.
  if (/is not expected here/.test(problem.message)) return false;
  const pointer = problem.location[0]?.pointer ?? "";
  // Nor does the shape of a vendor extension that Redocly happens to know (`x-webhooks`, `x-logo`).
  if (/\/x-[^/]*(\/|$)/.test(pointer)) return false;
  return !/\/(schema|schemas|properties|items|additionalProperties|allOf|anyOf|oneOf|not)(\/|$)/.test(pointer);
}

function throwOnErrors(problems: NormalizedProblem[], summary: string, options: CheckOptions, document: Document): void {
  const errors = problems.filter(isFatal);
  if (errors.length === 0) return;
  const [first, ...rest] = errors.slice(0, MAX_LISTED_ERRORS).map((problem) => withRefTarget(toSpecProblem(problem, options), problem, document));
  const details = rest.map((p) => `also: ${p.message} (${describe(p.location)})`);
  if (errors.length > MAX_LISTED_ERRORS) details.push(`... and ${errors.length - MAX_LISTED_ERRORS} more errors`);
  if (options.convertedFrom !== undefined) {
    details.push(`note: the document was converted from ${options.convertedFrom} to OpenAPI 3.0; pointers refer to the converted document`);
  }
  throw new SdkwrightError(`${summary}: ${first!.message}`, {
    location: first!.location,
    details,
    hint: hintFor(errors[0]!),
  });
}

function toSpecProblem(problem: NormalizedProblem, options: CheckOptions & { withLine?: boolean }): SpecProblem {
  const where = problem.location[0];
  const { code, fix } = warningCode(problem);
  const coded = { code, ...(fix ? { fix } : {}) };
  if (!where) return { ...coded, message: problem.message, location: {} };
  const location: ErrorLocation = { file: where.source.absoluteRef };
  if (where.pointer !== undefined) location.pointer = decodePointer(where.pointer.replace(/^#/, ""));
  if (options.convertedFrom !== undefined || options.withLine === false) return { ...coded, message: problem.message, location };
  try {
    const { start } = getLineColLocation(where);
    location.line = start.line;
    location.column = start.col;
  } catch {
    // Line numbers are a courtesy; a pointer that cannot be mapped back to the source still locates the problem.
  }
  return { ...coded, message: problem.message, location };
}

/** "Can't resolve $ref" names the $ref it could not resolve, read from the document at the problem's place. */
function withRefTarget(specProblem: SpecProblem, problem: NormalizedProblem, document: Document): SpecProblem {
  const where = problem.location[0];
  if (!/resolve \$ref/.test(problem.message) || !where || where.source.absoluteRef !== document.source.absoluteRef) return specProblem;
  let node: unknown = document.parsed;
  for (const segment of (where.pointer ?? "").replace(/^#\/?/, "").split("/").filter(Boolean)) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[decodeSegment(segment)] : undefined;
  }
  const ref = node !== null && typeof node === "object" ? (node as Record<string, unknown>)["$ref"] : undefined;
  if (typeof ref !== "string") return specProblem;
  return { ...specProblem, message: specProblem.message.replace(/\$ref/, `$ref ${JSON.stringify(ref)}`) };
}

/** The common validation findings get a code (and fix) of their own, so each can be silenced alone; the rest go by rule. */
const KNOWN_FINDINGS: Array<[RegExp, string, string]> = [
  [/`nullable` field is used/, "nullable-without-type", "add `type` beside `nullable: true` (the type is generated with `| null` either way)"],
  [/is not expected here/, "unknown-field", "remove the field, or prefix a vendor extension with `x-`"],
];

function warningCode(problem: NormalizedProblem): { code: string; fix?: string } {
  const known = KNOWN_FINDINGS.find(([pattern]) => pattern.test(problem.message));
  if (known) return { code: known[1], fix: known[2] };
  return { code: problem.ruleId === "struct" ? "spec-structure" : problem.ruleId };
}

function describe(location: ErrorLocation): string {
  const line = location.line === undefined ? "" : `line ${location.line}, `;
  return `${line}#${location.pointer ?? ""}`;
}

function hintFor(problem: NormalizedProblem): string {
  switch (problem.ruleId) {
    case "no-unresolved-refs":
    case "bundler": // the bundler's only errors are $refs it cannot resolve
      return "make the $ref point at an existing file and JSON pointer (e.g. ./schemas.yaml#/Pet)";
    case "operation-operationId-unique":
      return "give each operation a unique operationId";
    default:
      return "correct the spec at the place shown; see https://spec.openapis.org/ for the expected shape";
  }
}

