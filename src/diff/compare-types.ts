import type * as TS from "typescript";
import type { Severity } from "./types.js";

/**
 * Compares a type of the old SDK with the same type of the new one, as the TypeScript checker
 * sees them. Inputs (arguments) must still accept what the old SDK accepted: old assignable to
 * new. Outputs (responses) must still fit what user code expects: new assignable to old. Object
 * types are compared field by field to say where a change is; anything else by assignability.
 */
export interface Finding {
  severity: Severity;
  /** Path below the compared type: `.status`, `[].tags`, `` (the type itself). */
  where: string;
  message: string;
}

export type Direction = "input" | "output";

/** Object types are followed this deep; below it, assignability alone decides. */
const MAX_DEPTH = 6;
const MAX_TYPE_TEXT = 100;

export function typeComparer(ts: typeof TS, checker: TS.TypeChecker) {
  const ids = new Map<TS.Type, number>();
  const idOf = (type: TS.Type) => ids.get(type) ?? (ids.set(type, ids.size + 1), ids.size);
  const memo = new Map<string, Finding[]>();
  const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;
  const literal = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral;

  const text = (type: TS.Type) => {
    const full = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType);
    return full.length > MAX_TYPE_TEXT ? `${full.slice(0, MAX_TYPE_TEXT - 1)}…` : full;
  };
  const members = (type: TS.Type) => (type.isUnion() ? type.types : [type]);
  const fits = (source: TS.Type, target: TS.Type) => checker.isTypeAssignableTo(source, target);
  const isObject = (type: TS.Type) =>
    (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 &&
    !checker.isArrayType(type) &&
    !checker.isTupleType(type) &&
    checker.getSignaturesOfType(type, ts.SignatureKind.Call).length === 0 &&
    checker.getIndexInfosOfType(type).length === 0 &&
    checker.getPropertiesOfType(type).length > 0;

  /** `null` / `undefined` a type now may be (output) or no longer accepts (input). */
  function compareNullish(before: TS.Type, after: TS.Type, direction: Direction, skipUndefined: boolean): Finding[] {
    const flags = (type: TS.Type) => members(type).reduce((all, member) => all | (member.flags & nullish), 0);
    const findings: Finding[] = [];
    for (const [flag, word] of [[ts.TypeFlags.Null, "null"], [ts.TypeFlags.Undefined | ts.TypeFlags.Void, "undefined"]] as const) {
      if (skipUndefined && word === "undefined") continue;
      const had = (flags(before) & flag) !== 0;
      const has = (flags(after) & flag) !== 0;
      if (had === has) continue;
      if (direction === "output") findings.push(has ? { severity: "breaking", where: "", message: `may now be ${word}` } : { severity: "compatible", where: "", message: `is no longer ${word}` });
      else findings.push(has ? { severity: "compatible", where: "", message: `now accepts ${word}` } : { severity: "breaking", where: "", message: `no longer accepts ${word}` });
    }
    return findings;
  }

  /** Enums: which values came and went, and what that means for user code. */
  function compareLiterals(before: TS.Type[], after: TS.Type[], direction: Direction): Finding[] {
    const old = new Set(before.map(text));
    const now = new Set(after.map(text));
    const added = [...now].filter((value) => !old.has(value));
    const removed = [...old].filter((value) => !now.has(value));
    const findings: Finding[] = [];
    if (added.length > 0) {
      findings.push(
        direction === "output"
          ? { severity: "breaking", where: "", message: `new value${plural(added)} ${added.join(", ")}: an exhaustive switch (or a Record keyed by it) no longer compiles` }
          : { severity: "compatible", where: "", message: `accepts new value${plural(added)} ${added.join(", ")}` },
      );
    }
    if (removed.length > 0) {
      findings.push(
        direction === "output"
          ? { severity: "breaking", where: "", message: `value${plural(removed)} ${removed.join(", ")} removed: code comparing with ${removed.length === 1 ? "it" : "them"} no longer compiles` }
          : { severity: "breaking", where: "", message: `no longer accepts ${removed.join(", ")}` },
      );
    }
    return findings;
  }

  function compareObjects(before: TS.Type, after: TS.Type, direction: Direction, depth: number): Finding[] {
    const findings: Finding[] = [];
    const oldProps = new Map(checker.getPropertiesOfType(before).map((p) => [p.name, p]));
    const newProps = new Map(checker.getPropertiesOfType(after).map((p) => [p.name, p]));
    const optional = (symbol: TS.Symbol) => (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    const input = direction === "input";
    for (const [name, old] of oldProps) {
      const where = `.${name}`;
      const now = newProps.get(name);
      if (!now) {
        findings.push({ severity: "breaking", where, message: input ? "removed: code that passes it no longer compiles" : "removed from the response" });
        continue;
      }
      if (optional(old) !== optional(now)) {
        if (input) findings.push(optional(now) ? { severity: "compatible", where, message: "now optional" } : { severity: "breaking", where, message: "now required" });
        else findings.push(optional(now) ? { severity: "breaking", where, message: "may now be absent" } : { severity: "compatible", where, message: "now always present" });
      }
      for (const finding of compare(checker.getTypeOfSymbol(old), checker.getTypeOfSymbol(now), direction, depth + 1, true)) {
        findings.push({ ...finding, where: where + finding.where });
      }
    }
    for (const [name, now] of newProps) {
      if (oldProps.has(name)) continue;
      const where = `.${name}`;
      if (!input) findings.push({ severity: "compatible", where, message: "new field in the response" });
      else findings.push(optional(now) ? { severity: "compatible", where, message: "new optional field" } : { severity: "breaking", where, message: "new required field" });
    }
    return findings;
  }

  /** Findings for `before` → `after`; `skipUndefined` when optionality was judged already (a property or argument). */
  function compare(before: TS.Type, after: TS.Type, direction: Direction, depth = 0, skipUndefined = false): Finding[] {
    if (before === after) return [];
    const key = `${idOf(before)} ${idOf(after)} ${direction} ${skipUndefined}`;
    const known = memo.get(key);
    if (known) return known;
    // A recursive type meets itself again: compared already, or being compared further up.
    memo.set(key, []);
    const findings = [...compareNullish(before, after, direction, skipUndefined), ...compareBase(checker.getNonNullableType(before), checker.getNonNullableType(after), direction, depth)];
    memo.set(key, findings);
    return findings;
  }

  function compareBase(beforeType: TS.Type, afterType: TS.Type, direction: Direction, depth: number): Finding[] {
    // A type parameter left in a type stands for its constraint: two methods' `C`s never fit each other.
    const before = constraintOf(beforeType);
    const after = constraintOf(afterType);
    if (before === after) return [];
    const oldMembers = members(before);
    const newMembers = members(after);
    if ([...oldMembers, ...newMembers].every((member) => (member.flags & literal) !== 0)) return compareLiterals(oldMembers, newMembers, direction);
    if (before.isUnion() || after.isUnion()) {
      // Variants (oneOf): the ones that do not fit the other side, named.
      const from = direction === "input" ? oldMembers : newMembers;
      const unfit = from.filter((member) => !fits(member, direction === "input" ? after : before));
      if (unfit.length > 0 && unfit.length < from.length) {
        const named = unfit.map(text).join(" | ");
        return [{ severity: "breaking", where: "", message: direction === "input" ? `no longer accepts ${named}` : `new variant${unfit.length === 1 ? "" : "s"} ${named}: code that handles every case misses ${unfit.length === 1 ? "it" : "them"}` }];
      }
    }
    if (depth < MAX_DEPTH && checker.isArrayType(before) && checker.isArrayType(after)) {
      const [oldItem] = checker.getTypeArguments(before as TS.TypeReference);
      const [newItem] = checker.getTypeArguments(after as TS.TypeReference);
      if (oldItem && newItem) return compare(oldItem, newItem, direction, depth + 1).map((finding) => ({ ...finding, where: `[]${finding.where}` }));
    }
    if (depth < MAX_DEPTH && isObject(before) && isObject(after)) {
      const findings = compareObjects(before, after, direction, depth);
      // The safety net: a difference field-by-field comparison did not name still counts.
      if (!findings.some((f) => f.severity === "breaking") && !fitsDirection(before, after, direction)) findings.push(changed(before, after, direction));
      return findings;
    }
    if (!fitsDirection(before, after, direction)) return [changed(before, after, direction)];
    if (fitsDirection(after, before, direction)) return [];
    return [{ severity: "compatible", where: "", message: direction === "input" ? `accepts more: ${text(before)} → ${text(after)}` : `narrower: ${text(before)} → ${text(after)}` }];
  }

  function constraintOf(type: TS.Type): TS.Type {
    return (type.flags & ts.TypeFlags.TypeParameter) !== 0 ? (checker.getBaseConstraintOfType(type) ?? type) : type;
  }

  function fitsDirection(before: TS.Type, after: TS.Type, direction: Direction): boolean {
    return direction === "input" ? fits(before, after) : fits(after, before);
  }

  function changed(before: TS.Type, after: TS.Type, direction: Direction): Finding {
    return { severity: "breaking", where: "", message: `${direction === "input" ? "no longer accepts what it did" : "no longer fits the old type"}: ${text(before)} → ${text(after)}` };
  }

  return { compare, text };
}

function plural(values: string[]): string {
  return values.length === 1 ? "" : "s";
}
