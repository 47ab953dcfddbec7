/**
 * Copy-on-write over every object of a document: returns `document` itself when no object
 * `matches`, else a deep copy in which `fix` was applied to each matching object. The caller's
 * document is never mutated (the model and the spec hash read it too).
 */
export function rewriteMatching<T extends object>(document: T, matches: (node: Record<string, unknown>) => boolean, fix: (node: Record<string, unknown>) => void): T {
  if (!some(document, matches, new Set())) return document;
  const copy = structuredClone(document);
  const visit = (node: unknown, seen: Set<object>): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    if (!Array.isArray(node) && matches(record)) fix(record);
    for (const child of Object.values(record)) visit(child, seen);
  };
  visit(copy, new Set());
  return copy;
}

function some(node: unknown, matches: (node: Record<string, unknown>) => boolean, seen: Set<object>): boolean {
  if (node === null || typeof node !== "object" || seen.has(node)) return false;
  seen.add(node);
  if (!Array.isArray(node) && matches(node as Record<string, unknown>)) return true;
  return Object.values(node).some((child) => some(child, matches, seen));
}
