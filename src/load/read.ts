import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { BaseResolver, ResolveError, YamlParseError, type Document } from "@redocly/openapi-core";
import { SdkwrightError } from "../errors.js";

/** Where a spec comes from: an absolute file path or an http(s) URL, as Redocly's resolver wants it. */
export function resolveInput(input: string, cwd: string): string {
  if (/^https?:\/\//i.test(input)) return input;
  if (/^file:\/\//i.test(input)) return new URL(input).pathname;
  const absolute = path.resolve(cwd, input);
  if (!existsSync(absolute)) {
    throw new SdkwrightError(`spec file not found: ${input}`, {
      location: { file: absolute },
      hint: "check the path (it is resolved against the current directory) or pass an http(s) URL",
    });
  }
  if (statSync(absolute).isDirectory()) {
    throw new SdkwrightError(`spec path is a directory, not a file: ${input}`, {
      location: { file: absolute },
      hint: "pass the OpenAPI file itself, e.g. openapi.yaml",
    });
  }
  return absolute;
}

/** Reads and parses the root document (JSON or YAML); parse errors carry file, line and column. */
export async function readRootDocument(absoluteRef: string, resolver: BaseResolver): Promise<Document> {
  const result = await resolver.resolveDocument(null, absoluteRef, true);
  if (result instanceof YamlParseError) {
    throw new SdkwrightError(`cannot parse ${path.basename(absoluteRef)}: ${firstLine(result.originalError.message)}`, {
      location: { file: absoluteRef, line: result.line + 1, column: result.col + 1 },
      hint: "the file must be valid JSON or YAML",
    });
  }
  if (result instanceof ResolveError) {
    throw new SdkwrightError(`cannot read ${absoluteRef}: ${firstLine(result.originalError.message)}`, {
      location: { file: absoluteRef },
      hint: /^https?:/.test(absoluteRef) ? "check the URL and your network" : "check that the file is readable",
    });
  }
  if (result.parsed === null || typeof result.parsed !== "object" || Array.isArray(result.parsed)) {
    throw new SdkwrightError(`${path.basename(absoluteRef)} is not an OpenAPI document: its top level is not an object`, {
      location: { file: absoluteRef, line: 1 },
      hint: "an OpenAPI description starts with `openapi: 3.x` (or `swagger: \"2.0\"`) and has `info` and `paths`",
    });
  }
  return result;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
