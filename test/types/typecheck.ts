import ts from "typescript";

/** The options generated SDKs are checked with (docs/corpus.md), minus DOM: these sources do not use it. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
};

const libs = new Map<string, ts.SourceFile | undefined>();

/** Type-checks one in-memory module (e.g. a generated schema.ts) and returns its errors as `TS<code>: message`. */
export function typeErrors(source: string): string[] {
  const host = ts.createCompilerHost(OPTIONS, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError) => {
    if (fileName === "/schema.ts") return ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
    if (!libs.has(fileName)) libs.set(fileName, read(fileName, version, onError));
    return libs.get(fileName);
  };
  const program = ts.createProgram({ rootNames: ["/schema.ts"], options: OPTIONS, host });
  return ts.getPreEmitDiagnostics(program).map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]}`);
}
