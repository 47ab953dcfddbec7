import { readFileSync } from "node:fs";
import path from "node:path";
import { SdkwrightError } from "./errors.js";
import type { ModelOptions } from "./model/index.js";

/**
 * `--config file.json`: how the resource model is built when the spec's paths do not follow
 * REST conventions. `{ "stripCommonPrefix": false, "overrides": { "markRead": { "resource":
 * "notifications", "method": "markRead" }, "POST /v1/x": { "method": "doX" } } }`
 */
export function readConfig(file: string, cwd = process.cwd()): ModelOptions {
  const absolute = path.resolve(cwd, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolute, "utf8"));
  } catch (error) {
    throw new SdkwrightError(`cannot read config ${file}: ${(error as Error).message}`, {
      location: { file: absolute },
      hint: "pass a JSON file such as { \"overrides\": { \"operationId\": { \"resource\": \"a.b\", \"method\": \"name\" } } }",
    });
  }
  const fail = (pointer: string, message: string) =>
    new SdkwrightError(`invalid config: ${message}`, { location: { file: absolute, pointer }, hint: "see `sdkwright --help` and docs/resource-model.md" });
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw fail("", "expected an object");
  const { overrides, stripCommonPrefix, ...unknown } = raw as Record<string, unknown>;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw fail(`/${extra}`, `unknown key "${extra}" (expected "overrides" or "stripCommonPrefix")`);
  if (stripCommonPrefix !== undefined && typeof stripCommonPrefix !== "boolean") throw fail("/stripCommonPrefix", "expected true or false");
  const options: ModelOptions = {};
  if (typeof stripCommonPrefix === "boolean") options.stripCommonPrefix = stripCommonPrefix;
  if (overrides !== undefined) {
    if (overrides === null || typeof overrides !== "object" || Array.isArray(overrides)) throw fail("/overrides", "expected an object keyed by operationId or \"METHOD /path\"");
    for (const [key, value] of Object.entries(overrides)) {
      const pointer = `/overrides/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (value === null || typeof value !== "object") throw fail(pointer, "expected { resource?, method? }");
      const { resource, method } = value as Record<string, unknown>;
      if (resource !== undefined && typeof resource !== "string" && !Array.isArray(resource)) throw fail(`${pointer}/resource`, "expected a dotted name");
      if (method !== undefined && typeof method !== "string") throw fail(`${pointer}/method`, "expected a method name");
    }
    options.overrides = overrides as ModelOptions["overrides"] & object;
  }
  return options;
}
