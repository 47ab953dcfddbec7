import { decodeSegment } from "../json-pointer.js";

/**
 * The first chain of `$ref`s in a document that only leads back to itself (A → B → A, each an
 * object holding nothing but the `$ref`), as the refs in order; undefined when there is none.
 * Redocly reports such a chain without saying where it is.
 */
export function findRefCycle(document: unknown): string[] | undefined {
  const aliases = new Map<string, string>();
  collectAliases(document, "#", aliases);
  for (const start of [...aliases.keys()].sort()) {
    const chain: string[] = [];
    for (let at: string | undefined = start; at !== undefined && chain.length <= aliases.size; at = aliases.get(at)) {
      const seen = chain.indexOf(at);
      if (seen !== -1) return chain.slice(seen).concat(at);
      chain.push(at);
    }
  }
  return undefined;
}

/** Every object that is only a local `$ref`, by its own pointer. Iterative: any depth is safe. */
function collectAliases(root: unknown, rootPointer: string, out: Map<string, string>): void {
  const stack: Array<[unknown, string]> = [[root, rootPointer]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    const record = node as Record<string, unknown>;
    const ref = record["$ref"];
    if (typeof ref === "string" && ref.startsWith("#") && Object.keys(record).length === 1) out.set(pointer, normalize(ref));
    for (const [key, value] of Object.entries(record)) stack.push([value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
  }
}

/** `#/a/b%20c` and `#/a/b c` name the same place. */
function normalize(ref: string): string {
  return "#" + ref.slice(1).split("/").map((segment, index) => (index === 0 ? segment : decodeSegment(segment).replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");
}
