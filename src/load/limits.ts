import { SdkwrightError } from "../errors.js";

/**
 * Bounds on what a spec may cost, so a hostile or broken one ends with a clear error instead of
 * exhausting memory. The largest public specs (GitHub: 13 MB) sit far below them. Depth needs no
 * limit of ours: the YAML/JSON parser already stops at 100 levels, with the line and column.
 */
export const LIMITS = {
  /** Bytes in one file (root or `$ref`). */
  fileBytes: 64 * 1024 * 1024,
  /** Values in a document once YAML aliases are expanded (a "billion laughs" document explodes here). */
  expandedNodes: 20_000_000,
};

/**
 * Walks the parsed document once, counting the values it would have with every YAML alias
 * expanded. Shared nodes are counted by memo, so the walk stays linear in the nodes actually held
 * in memory; it is iterative, and refuses an alias that contains itself.
 */
export function checkDocumentShape(root: unknown, file: string): void {
  const expanded = new Map<object, number>();
  const onStack = new Set<object>();
  const stack: Array<{ node: object; children: unknown[]; next: number }> = [];
  const enter = (node: unknown) => {
    if (node === null || typeof node !== "object" || expanded.has(node)) return;
    if (onStack.has(node)) fail(file, "a YAML anchor refers to itself (a cycle)", "replace the recursive alias with a $ref");
    onStack.add(node);
    stack.push({ node, children: Object.values(node), next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      enter(frame.children[frame.next++]);
      continue;
    }
    stack.pop();
    onStack.delete(frame.node);
    let count = 1;
    for (const child of frame.children) count += child === null || typeof child !== "object" ? 1 : expanded.get(child)!;
    if (count > LIMITS.expandedNodes) {
      fail(file, `it expands to more than ${LIMITS.expandedNodes.toLocaleString("en")} values (YAML aliases multiply nodes)`, "remove the alias chains, or use $ref instead of YAML anchors");
    }
    expanded.set(frame.node, count);
  }
}

export function checkFileSize(bytes: number, file: string): void {
  if (bytes > LIMITS.fileBytes) {
    fail(file, `it is ${(bytes / 1024 / 1024).toFixed(0)} MB, over the ${LIMITS.fileBytes / 1024 / 1024} MB limit`, "split the spec into several files joined by $ref, or check that this is the right file");
  }
}

function fail(file: string, what: string, hint: string): never {
  throw new SdkwrightError(`refusing to process ${file}: ${what}`, { location: { file }, hint });
}
