/** The known name closest to a mistyped one ("outt" → "out"), or undefined when none is close. */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  // Within a third of the length (at least 1, at most 3 edits): "outt" finds "out", "zzz" finds nothing.
  const allowed = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  return best && best.distance <= allowed ? best.name : undefined;
}

/** Levenshtein distance with adjacent transpositions counted as one edit ("fromat" → "format"). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** yargs' "Unknown argument(s): outt, fromat" with a "did you mean" for each that is close to a known option. */
export function unknownArgumentHint(message: string, options: readonly string[]): string | undefined {
  const match = /^Unknown arguments?: (.+)$/.exec(message);
  if (!match) return undefined;
  const typed = match[1]!.split(", ");
  // yargs lists a dashed name twice, also camel-cased ("fail-onn, failOnn"): one hint is enough.
  const dashed = new Set(typed.filter((name) => name.includes("-")));
  const hints = typed
    .filter((name) => name.includes("-") || !dashed.has(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)))
    .map((typed) => [typed, closest(typed, options)] as const)
    .filter(([, near]) => near !== undefined)
    .map(([typed, near]) => `--${typed}: did you mean --${near}?`);
  return hints.length ? hints.join("; ") : undefined;
}
