import type { GenerateOptions } from "../generate.js";
import { compareMethod, pairMethods } from "./methods.js";
import { loadSdks } from "./program.js";
import { typeComparer } from "./compare-types.js";
import { verdictOf } from "./report.js";
import type { Change, DiffReport, SdkSnapshot } from "./types.js";

export type { Change, DiffReport, SdkSnapshot, Severity } from "./types.js";
export { formatDiff } from "./report.js";

export interface DiffOptions {
  cwd?: string;
  /** Model options (overrides, prefix stripping) both specs are generated with. */
  model?: GenerateOptions["model"];
  /** Compare with fresh names for the new spec, as `generate --rename` would give, instead of the ones the lock keeps. */
  rename?: boolean;
}

/**
 * `sdkwright diff <old> <new>`: generates both SDKs in memory (the new one keeping the old one's
 * names, as regenerating a committed SDK does) and compares what their TypeScript accepts.
 */
export async function diffSpecs(before: string, after: string, options: DiffOptions = {}): Promise<DiffReport> {
  const { generate } = await import("../generate.js");
  const { lockOf } = await import("../model/name-lock.js");
  const base = { ...(options.cwd === undefined ? {} : { cwd: options.cwd }) };
  const old = await generate({ ...base, input: before, ...(options.model ? { model: options.model } : {}) });
  const oldMethods = lockOf(old.model.resources);
  const now = await generate({ ...base, input: after, model: { ...options.model, lock: oldMethods }, rename: options.rename === true });
  const notes = now.diagnostics.filter((w) => w.code === "name-kept-from-lock").map((w) => w.message);
  return diffSdks({ files: old.files, methods: oldMethods }, { files: now.files, methods: lockOf(now.model.resources) }, notes);
}

/** Compares two generated SDKs: their methods (by operation), then each method's arguments and response types. */
export async function diffSdks(before: SdkSnapshot, after: SdkSnapshot, notes: string[] = []): Promise<DiffReport> {
  const { pairs, removed, added } = pairMethods(before.methods, after.methods);
  const changes: Change[] = [];
  for (const key of removed) {
    changes.push({ severity: "breaking", kind: "method-removed", method: before.methods[key]!, operation: key, message: "removed: calls to it no longer compile" });
  }
  for (const key of added) changes.push({ severity: "compatible", kind: "method-added", method: after.methods[key]!, operation: key, message: "new method" });
  const sdks = await loadSdks(before.files, after.files, { before: Object.values(before.methods), after: Object.values(after.methods) });
  const { compare } = typeComparer(sdks.ts, sdks.checker);
  for (const pair of pairs) changes.push(...compareMethod(pair, sdks, compare));
  changes.sort((a, b) => compareText(a.method, b.method) || compareText(a.operation, b.operation) || compareText(a.where ?? "", b.where ?? ""));
  const breaking = changes.filter((change) => change.severity === "breaking").length;
  return {
    verdict: verdictOf(changes),
    breaking,
    compatible: changes.length - breaking,
    methods: {
      before: Object.keys(before.methods).length,
      after: Object.keys(after.methods).length,
      added: added.length,
      removed: removed.length,
      renamed: changes.filter((change) => change.kind === "method-renamed").length,
    },
    changes,
    notes,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
