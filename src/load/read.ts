import path from "node:path";
import { BaseResolver, ResolveError, YamlParseError, type Document } from "@redocly/openapi-core";
import { SdkwrightError, type ErrorLocation } from "../errors.js";

export { resolveInput } from "./input.js";

/** Reads and parses the root document (JSON or YAML); parse errors carry file, line and column. */
export async function readRootDocument(absoluteRef: string, resolver: BaseResolver): Promise<Document> {
  // Redocly's types say read/parse errors are returned, but the resolver actually rejects with them: handle both.
  let result: Awaited<ReturnType<BaseResolver["resolveDocument"]>>;
  try {
    result = await resolver.resolveDocument(null, absoluteRef, true);
  } catch (error) {
    throw readError(absoluteRef, error);
  }
  if (result instanceof YamlParseError || result instanceof ResolveError) throw readError(absoluteRef, result);
  if (result.parsed === null || typeof result.parsed !== "object" || Array.isArray(result.parsed)) {
    throw new SdkwrightError(`${path.basename(absoluteRef)} is not an OpenAPI document: its top level is not an object`, {
      location: { file: absoluteRef, line: 1 },
      hint: "an OpenAPI description starts with `openapi: 3.x` (or `swagger: \"2.0\"`) and has `info` and `paths`",
    });
  }
  return result;
}

function readError(absoluteRef: string, error: unknown): SdkwrightError {
  const original = error instanceof ResolveError ? error.originalError : error;
  if (original instanceof SdkwrightError) return original;
  if (error instanceof YamlParseError) {
    // js-yaml reports "(line:column)" 1-based, and Redocly copies those numbers as they are.
    const location: ErrorLocation = { file: absoluteRef };
    if (Number.isFinite(error.line)) location.line = error.line;
    if (Number.isFinite(error.line) && Number.isFinite(error.col)) location.column = error.col;
    return new SdkwrightError(`cannot parse ${path.basename(absoluteRef)}: ${firstLine(error.originalError.message)}`, {
      location,
      hint: "the file must be valid JSON or YAML",
      cause: error,
    });
  }
  const message = original instanceof Error ? original.message : String(original);
  return new SdkwrightError(`cannot read ${absoluteRef}: ${firstLine(message)}`, {
    location: { file: absoluteRef },
    hint: /^https?:/.test(absoluteRef) ? "check the URL and your network" : "check that the file is readable",
    cause: error,
  });
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
