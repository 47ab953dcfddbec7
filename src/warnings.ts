import { formatLocation, type ErrorLocation } from "./errors.js";
import type { SpecProblem } from "./load/validate.js";
import type { ApiModel } from "./model/types.js";

/**
 * Every warning sdkwright gives has a stable code and belongs to one category; a user silences a
 * category or a single code (`--ignore-warnings semantics,get-with-body`, or `"ignoreWarnings"` in
 * the config). Codes are part of the interface: add new ones, never rename them.
 */
export interface Warning {
  code: string;
  category: WarningCategory;
  message: string;
  location?: ErrorLocation;
  fix?: string;
  /** The spec it is about, in runs with several (set by the CLI). */
  spec?: string;
}

export const WARNING_CATEGORIES = {
  spec: "the spec breaks an OpenAPI rule that does not stop generation (validation, and what was repaired when loading)",
  conversion: "what a Swagger 2.0 → OpenAPI 3 conversion could not carry over or fixed",
  semantics: "an operation's HTTP method or status contradicts HTTP semantics (RFC 9110)",
  naming: "a method name was taken or an override was ignored",
  auth: "a security scheme the client cannot apply",
  output: "something in the output folder was replaced",
} as const;

export type WarningCategory = keyof typeof WARNING_CATEGORIES;

/** The category of each known code. A code missing here takes the category of where it came from. */
const CATEGORY_OF: Record<string, WarningCategory> = {
  "openapi-version-short": "spec",
  "info-missing": "spec",
  "info-title-missing": "spec",
  "info-version-missing": "spec",
  "info-version-not-string": "spec",
  "paths-missing": "spec",
  "response-description-missing": "spec",
  "spec-structure": "spec",
  "nullable-without-type": "spec",
  "unknown-field": "spec",
  "path-parameters-defined": "spec",
  "no-identical-paths": "spec",
  "no-unresolved-refs": "spec",
  "swagger2-conversion": "conversion",
  "put-on-collection": "semantics",
  "post-on-item": "semantics",
  "put-status": "semantics",
  "get-with-body": "semantics",
  "create-without-location": "semantics",
  "unsendable-method": "semantics",
  "unserializable-parameter": "semantics",
  "method-name-taken": "naming",
  "override-ignored": "naming",
  "name-kept-from-lock": "naming",
  "lock-entry-ignored": "naming",
  "auth-scheme-unsupported": "auth",
  "output-file-replaced": "output",
};

/** The model's warnings are sentences; these patterns give each its code. */
const MODEL_CODES: Array<[RegExp, string]> = [
  [/ would be .*\(\), (already taken|a name already in use)/, "method-name-taken"],
  [/: ignoring x-sdk-/, "override-ignored"],
  [/: kept .*\(\) from the lock file; /, "name-kept-from-lock"],
  [/: ignoring the lock entry /, "lock-entry-ignored"],
  [/^security scheme .* is not supported/, "auth-scheme-unsupported"],
];

export function warning(code: string, message: string, extra: Partial<Pick<Warning, "location" | "fix" | "category">> = {}): Warning {
  const { category, ...rest } = extra;
  return { code, category: CATEGORY_OF[code] ?? category ?? "spec", message, ...rest };
}

/** Everything a run warns about, in the order: spec, model (naming, auth), semantics lint. */
export function collectWarnings(specProblems: SpecProblem[], model: Pick<ApiModel, "warnings" | "lint">): Warning[] {
  return [
    ...specProblems.map((p) => warning(p.code ?? "spec-structure", p.message, { location: p.location, ...(p.fix === undefined ? {} : { fix: p.fix }) })),
    ...model.warnings.map((text) => warning(MODEL_CODES.find(([pattern]) => pattern.test(text))?.[1] ?? "model", text, { category: "naming" })),
    ...model.lint.map((finding) => warning(finding.rule, `${finding.method} ${finding.path} (${finding.call}): ${finding.reason}`, { category: "semantics" })),
  ];
}

/** Drops the warnings whose code or category is listed (the names are checked where they are read: `unknownWarningName`). */
export function ignoreWarnings(warnings: Warning[], ignored: readonly string[] = []): Warning[] {
  if (ignored.length === 0) return warnings;
  const names = new Set(ignored);
  return warnings.filter((w) => !names.has(w.code) && !names.has(w.category));
}

/** The names `--ignore-warnings` accepts: every category and every known code. */
export function knownWarningNames(): string[] {
  return [...Object.keys(WARNING_CATEGORIES), ...Object.keys(CATEGORY_OF)];
}

/** Refuses a name that is neither a category nor a known code, so a typo does not silence nothing without a word. */
export function unknownWarningName(names: readonly string[]): string | undefined {
  const known = new Set(knownWarningNames());
  return names.find((name) => !known.has(name));
}

/** As the programmatic API's `warnings` strings have always read: message, then where. */
export function warningText(w: Warning): string {
  const where = w.location ? formatLocation(w.location) : "";
  return where ? `${w.message} (${where})` : w.message;
}

/** One line for the terminal: spec (in multi-spec runs), message, place, code, fix. */
export function formatWarning(w: Warning): string {
  const fix = w.fix ? `; fix: ${w.fix}` : "";
  return `warning: ${w.spec ? `${w.spec}: ` : ""}${warningText(w)} [${w.code}]${fix}`;
}

/** "912 warnings: spec 490, semantics 422 (get-with-body 247, ...)". */
export function summarizeWarnings(warnings: Warning[]): string {
  const byCategory = new Map<string, Map<string, number>>();
  for (const w of warnings) {
    const codes = byCategory.get(w.category) ?? new Map<string, number>();
    codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
    byCategory.set(w.category, codes);
  }
  const parts = [...byCategory].map(([category, codes]) => {
    const total = [...codes.values()].reduce((a, b) => a + b, 0);
    const detail = [...codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${code} ${n}`);
    return `${category} ${total} (${detail.join(", ")})`;
  });
  return `${plural(warnings.length, "warning")}: ${parts.join("; ")}`;
}

/** "1 resource", "2 resources". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
