import type * as TS from "typescript";
import { shapeOfKey } from "../model/name-lock.js";
import type { NameLock } from "../model/name-lock.js";
import { typeComparer, type Finding } from "./compare-types.js";
import type { MethodSignature, SdkPrograms } from "./program.js";
import type { Change } from "./types.js";

/** An operation present in both SDKs: same `METHOD /path`, or a path that differs only in parameter names. */
export interface MethodPair {
  before: { key: string; method: string };
  after: { key: string; method: string };
}

export function pairMethods(before: NameLock, after: NameLock): { pairs: MethodPair[]; removed: string[]; added: string[] } {
  const pairs: MethodPair[] = [];
  const unmatched = new Map<string, string[]>();
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key)) pairs.push({ before: { key, method: before[key]! }, after: { key, method: after[key]! } });
    else unmatched.set(shapeOfKey(key), [...(unmatched.get(shapeOfKey(key)) ?? []), key]);
  }
  const added: string[] = [];
  for (const key of Object.keys(after)) {
    if (Object.hasOwn(before, key)) continue;
    const candidates = unmatched.get(shapeOfKey(key));
    const old = candidates?.length === 1 ? candidates.pop() : undefined;
    if (old === undefined) added.push(key);
    else pairs.push({ before: { key: old, method: before[old]! }, after: { key, method: after[key]! } });
  }
  const removed = [...unmatched.values()].flat();
  return { pairs, removed: removed.sort(), added: added.sort() };
}

/** Arguments, then the response, of one operation in both SDKs. */
export function compareMethod(pair: MethodPair, sdks: SdkPrograms, compare: ReturnType<typeof typeComparer>["compare"]): Change[] {
  const operation = pair.after.key;
  const method = pair.after.method;
  const changes: Change[] = [];
  const add = (kind: Change["kind"], finding: Finding, prefix: string) => {
    const where = prefix + finding.where;
    // Query, header and cookie fields are the operation's parameters.
    const message = /^options\.(query|headers|cookies)\.[^.[]+$/.test(where) ? finding.message.replace(/\bfield\b/, "parameter") : finding.message;
    changes.push({ severity: finding.severity, kind, method, operation, where, message });
  };
  if (pair.before.method !== pair.after.method) {
    changes.push({ severity: "breaking", kind: "method-renamed", method, operation, message: `renamed from ${pair.before.method}(): calls to the old name no longer compile` });
  }
  if (pair.before.key !== pair.after.key) {
    changes.push({ severity: "compatible", kind: "argument", method, operation, message: `path parameters renamed (${pair.before.key} → ${pair.after.key}); they are positional, so calls still compile` });
  }
  const before = sdks.method("before", pair.before.method);
  const after = sdks.method("after", pair.after.method);
  if (!before || !after) return changes;
  const pathParams = new Set(pair.after.key.match(/\{[^}]*\}/g) ?? []).size;
  for (const finding of compareArguments(before, after, pathParams, compare)) add("argument", finding, "");
  for (const finding of compareResponse(before.response, after.response, sdks, compare)) add("response", finding, "response");
  return changes;
}

/** Path parameters by position (they may be renamed), the rest (`body`, `options`) by name. */
function compareArguments(before: MethodSignature, after: MethodSignature, pathParams: number, compare: ReturnType<typeof typeComparer>["compare"]): Finding[] {
  const findings: Finding[] = [];
  const rest = (signature: MethodSignature) => signature.parameters.slice(pathParams);
  const oldRest = rest(before);
  const newRest = rest(after);
  const pairs = before.parameters.slice(0, pathParams).map((old, index) => [old, after.parameters[index]] as const);
  for (const old of oldRest) pairs.push([old, newRest.find((p) => p.name === old.name)] as const);
  for (const [old, now] of pairs) {
    if (!now) {
      findings.push({ severity: "breaking", where: old.name, message: "argument removed: calls that pass it no longer compile" });
      continue;
    }
    if (old.optional && !now.optional) findings.push({ severity: "breaking", where: now.name, message: "now required" });
    if (!old.optional && now.optional) findings.push({ severity: "compatible", where: now.name, message: "now optional" });
    for (const finding of compare(old.type, now.type, "input", 0, true)) findings.push({ ...finding, where: now.name + finding.where });
  }
  const firstKept = newRest.findIndex((p) => oldRest.some((old) => old.name === p.name));
  newRest.forEach((now, index) => {
    if (oldRest.some((old) => old.name === now.name)) return;
    if (!now.optional) findings.push({ severity: "breaking", where: now.name, message: "new required argument" });
    else if (firstKept !== -1 && index < firstKept) findings.push({ severity: "breaking", where: now.name, message: `new argument before \`${newRest[firstKept]!.name}\`: existing calls pass their \`${newRest[firstKept]!.name}\` in its place` });
    else findings.push({ severity: "compatible", where: now.name, message: "new optional argument" });
  });
  return findings;
}

/** A method that returned nothing (`void`, a 204) and now returns a body breaks no caller: none used the result. */
function compareResponse(before: TS.Type, after: TS.Type, sdks: SdkPrograms, compare: ReturnType<typeof typeComparer>["compare"]): Finding[] {
  const nothing = sdks.ts.TypeFlags.Void | sdks.ts.TypeFlags.Undefined;
  if ((before.flags & nothing) !== 0 && (after.flags & nothing) === 0) return [{ severity: "compatible", where: "", message: "now returns a body (it returned nothing)" }];
  return compare(before, after, "output");
}
