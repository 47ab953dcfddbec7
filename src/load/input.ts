import { existsSync, statSync } from "node:fs";
import path from "node:path";
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
