import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GeneratedFile } from "../emit/index.js";
import { ownedFiles, type RecordedOptions } from "./manifest.js";

export interface CheckResult {
  upToDate: boolean;
  /** Would be written but are not there. */
  missing: string[];
  /** There, with other content. */
  changed: string[];
  /** Written by an earlier run, no longer generated. */
  stale: string[];
  /** The options the comparison was made with (the manifest's, unless given). */
  options?: RecordedOptions;
}

/** `generate --check`: compares what the spec produces now with the output folder; writes nothing. */
export function checkOutput(outDir: string, files: GeneratedFile[]): CheckResult {
  const out = path.resolve(outDir);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const file of files) {
    const target = path.join(out, file.path);
    if (!existsSync(target)) missing.push(file.path);
    else if (readFileSync(target, "utf8") !== file.content) changed.push(file.path);
  }
  const generated = new Set(files.map((f) => f.path));
  const stale = ownedFiles(out).filter((file) => !generated.has(file));
  return { upToDate: missing.length + changed.length + stale.length === 0, missing, changed, stale };
}

/** The flags that make the output the way it was compared, e.g. " --emit js --format". */
function flags(options: RecordedOptions | undefined): string {
  if (!options) return "";
  return `${options.emit === "ts" ? "" : ` --emit ${options.emit}`}${options.format ? " --format" : ""}${options.importExtension ? ` --import-extension ${options.importExtension}` : ""}`;
}

/** The short diff summary `--check` prints. */
export function formatCheck(outDir: string, result: CheckResult): string {
  if (result.upToDate) return `sdkwright: ${outDir} is up to date\n`;
  const list = (label: string, files: string[]) => (files.length ? [`  ${label} (${files.length}): ${files.slice(0, 8).join(", ")}${files.length > 8 ? ", ..." : ""}`] : []);
  return [
    `sdkwright: ${outDir} is out of date with the spec; run \`sdkwright generate${flags(result.options)}\` and commit the result`,
    ...list("changed", result.changed),
    ...list("missing", result.missing),
    ...list("no longer generated", result.stale),
  ].join("\n") + "\n";
}
