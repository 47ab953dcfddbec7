import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** Written into every output folder: marks it as sdkwright's, lists the files it owns and the options they were made with. */
export const MANIFEST = ".sdkwright.json";

/** The options that change the bytes of the output, so `--check` can make the same output again. */
export interface RecordedOptions {
  emit: "ts" | "js" | "cjs";
  format: boolean;
  /** Recorded only when not the default `js`, so older manifests read the same. */
  importExtension?: "ts";
}

export interface Manifest {
  generator: "sdkwright";
  options?: RecordedOptions;
  files: string[];
}

export function manifestContent(files: string[], options: RecordedOptions | undefined): string {
  const manifest: Manifest = { generator: "sdkwright", ...(options ? { options } : {}), files: [...files].sort() };
  return prettierJson(manifest);
}

/** The manifest of `out`, or undefined when there is none (or it is not sdkwright's). */
export function readManifest(out: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST), "utf8")) as Partial<Manifest>;
    if (!Array.isArray(manifest.files)) return undefined;
    return { generator: "sdkwright", files: manifest.files.map(String), ...(manifest.options ? { options: manifest.options } : {}) };
  } catch {
    return undefined;
  }
}

/** The files the manifest of `out` lists that are still there (none without a manifest). */
export function ownedFiles(out: string): string[] {
  return (readManifest(out)?.files ?? []).filter((file) => existsSync(path.join(out, file)));
}

const PRINT_WIDTH = 80;

/**
 * JSON exactly as Prettier (default options) prints it, so `prettier --check` passes on a project
 * that formats everything: objects one key per line, and an array of plain values on one line when
 * it fits in 80 columns (its key, indent and trailing comma included), else one value per line.
 */
export function prettierJson(value: unknown): string {
  return print(value, "", 0) + "\n";
}

function print(value: unknown, indent: string, prefixWidth: number, trailing = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + "  ";
    if (value.every((item) => item === null || typeof item !== "object")) {
      const flat = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (prefixWidth + flat.length + trailing <= PRINT_WIDTH) return flat;
    }
    return `[\n${value.map((item, i) => inner + print(item, inner, inner.length, i < value.length - 1 ? 1 : 0)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([key, v], i) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      return head + print(v, inner, head.length, i < entries.length - 1 ? 1 : 0);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
