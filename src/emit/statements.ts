import type { StatementStructures } from "ts-morph";

/**
 * Statements written as text where ts-morph's structure printer is slowest: it prints every type
 * and every import specifier into a writer of its own first (GitHub: 30,000 writers, a third of
 * emit time). These are single-line statements built from identifiers we made and types we
 * printed, so the text is exactly what ts-morph writes for the structure.
 */

/** What a file's statement list holds: ts-morph structures, and text for the statements above. */
export type Statement = string | StatementStructures;

export interface Import {
  module: string;
  names: Array<{ name: string; typeOnly?: boolean }>;
  /** `import type { ... }` */
  typeOnly?: boolean;
}

/** `export type Name = Type;` */
export function typeAlias(name: string, type: string): string {
  return `export type ${name} = ${type};`;
}

/** The imports, each without the names that the code of `statements` never mentions (no unused-import noise); an import left with none is dropped. */
export function importStatements(imports: Import[], statements: Statement[]): string[] {
  // Docs left out: a summary that says "paths" must not keep `paths` imported (`noUnusedLocals`).
  const text = JSON.stringify(statements, (key, value: unknown) => (key === "docs" ? undefined : value));
  return imports.flatMap(({ module, names, typeOnly }) => {
    const kept = names.filter(({ name }) => mentions(text, name));
    if (kept.length === 0) return [];
    const specifiers = kept.map(({ name, typeOnly: typeOnlyName }) => (typeOnlyName ? `type ${name}` : name)).join(", ");
    return [`import ${typeOnly ? "type " : ""}{ ${specifiers} } from ${JSON.stringify(module)};`];
  });
}

const IDENTIFIER_CHAR = /[\w$]/;

/** `name` occurs in `text` as a whole word. */
function mentions(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!IDENTIFIER_CHAR.test(text.charAt(at - 1)) && !IDENTIFIER_CHAR.test(text.charAt(at + name.length))) return true;
  }
  return false;
}
