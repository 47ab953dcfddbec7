import type { SpecProblem } from "./validate.js";

/**
 * Rule breaks that change nothing in the generated code, as other generators accept them: each is
 * repaired in the parsed document (before validation, so Redocly never sees it) and reported as a
 * warning naming the rule and the fix. Anything not listed here is judged by validation as before.
 * To add one: a row with a stable code, a test that finds it, and the repair.
 */
interface LenientRule {
  code: string;
  /** What the spec does, for the warning. */
  finding: string;
  fix: string;
  pointer: string;
  /** Repairs the document when the rule applies; returns false when it does not. */
  repair(document: Record<string, unknown>): boolean;
}

const object = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

const RULES: LenientRule[] = [
  {
    code: "openapi-version-short",
    finding: "`openapi` is not a full version such as 3.0.3 (e.g. `3.0` or the number 3.1)",
    fix: 'write the full version as a string, e.g. `openapi: "3.0.3"`',
    pointer: "/openapi",
    repair(document) {
      const version = document["openapi"];
      const short = typeof version === "number" ? String(version) : version;
      if (typeof short !== "string" || !/^3(\.[01])?$/.test(short)) return false;
      document["openapi"] = short === "3.1" ? "3.1.0" : "3.0.0";
      return true;
    },
  },
  {
    code: "info-missing",
    finding: "the document has no `info` object",
    fix: "add `info: { title: ..., version: ... }`",
    pointer: "",
    repair(document) {
      if (document["info"] !== undefined) return false;
      document["info"] = { title: "API", version: "" };
      return true;
    },
  },
  {
    code: "info-title-missing",
    finding: "`info.title` is missing",
    fix: "add `title` to `info` (it names the SDK in its README)",
    pointer: "/info",
    repair(document) {
      const info = document["info"];
      if (!object(info) || info["title"] !== undefined) return false;
      info["title"] = "API";
      return true;
    },
  },
  {
    code: "info-version-missing",
    finding: "`info.version` is missing",
    fix: 'add `version` to `info`, e.g. `version: "1.0.0"`',
    pointer: "/info",
    repair(document) {
      const info = document["info"];
      if (!object(info) || info["version"] !== undefined) return false;
      info["version"] = "";
      return true;
    },
  },
  {
    code: "info-version-not-string",
    finding: "`info.version` is a number, not a string (YAML reads `1.0` as the number 1)",
    fix: 'quote it: `version: "1.0"`',
    pointer: "/info/version",
    repair(document) {
      const info = document["info"];
      if (!object(info) || (typeof info["version"] !== "number" && typeof info["version"] !== "boolean")) return false;
      info["version"] = String(info["version"]);
      return true;
    },
  },
  {
    code: "paths-missing",
    finding: "an OpenAPI 3.0 document without `paths` (3.0 requires it; 3.1 does not)",
    fix: "add `paths: {}`, or declare `openapi: 3.1.0`",
    pointer: "",
    repair(document) {
      if (document["paths"] !== undefined || !String(document["openapi"]).startsWith("3.0")) return false;
      document["paths"] = {};
      return true;
    },
  },
];

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** One warning per response without `description` (required by OpenAPI 3.0 and 3.1, used only for docs). */
function repairResponseDescriptions(document: Record<string, unknown>, file: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const repair = (responses: unknown, at: string) => {
    if (!object(responses)) return;
    for (const [status, response] of Object.entries(responses)) {
      if (!object(response) || response["$ref"] !== undefined || response["description"] !== undefined) continue;
      response["description"] = "";
      problems.push(problem("response-description-missing", "a response has no `description`", "add `description` to the response (a short sentence)", `${at}/${escape(status)}`, file));
    }
  };
  const paths = document["paths"];
  if (object(paths)) {
    for (const [route, item] of Object.entries(paths)) {
      if (!object(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (object(operation)) repair(operation["responses"], `/paths/${escape(route)}/${method}/responses`);
      }
    }
  }
  const components = document["components"];
  if (object(components)) repair(components["responses"], "/components/responses");
  return problems;
}

/**
 * Repairs the harmless rule breaks in an OpenAPI 3 document (in place) and returns one warning for
 * each. A document that is not an object, or not OpenAPI 3 even after the repair, is left to the
 * version check.
 */
export function repairLeniently(document: unknown, file: string): SpecProblem[] {
  if (!object(document) || document["swagger"] !== undefined) return [];
  const problems: SpecProblem[] = [];
  for (const rule of RULES) {
    if (rule.repair(document)) problems.push(problem(rule.code, rule.finding, rule.fix, rule.pointer, file));
    // Nothing else applies to a document that is not OpenAPI 3.
    if (rule.code === "openapi-version-short" && !/^3\.[01]\./.test(String(document["openapi"]))) return problems;
  }
  return [...problems, ...repairResponseDescriptions(document, file)];
}

function problem(code: string, finding: string, fix: string, pointer: string, file: string): SpecProblem {
  return { code, message: `${finding}; generated anyway`, fix, location: { file, pointer } };
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
