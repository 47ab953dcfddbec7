import path from "node:path";
import type * as TS from "typescript";

/**
 * A compiler host that reads `sources` (absolute POSIX paths → text) from memory and everything else
 * (TypeScript's lib files) from disk: the generated SDK is compiled or checked without being written.
 * `parentNodes` sets each node's parent, which emit needs and a checker-only program does not.
 */
export function memoryCompilerHost(ts: typeof TS, options: TS.CompilerOptions, sources: ReadonlyMap<string, string>, { parentNodes = false, root = "/" } = {}): TS.CompilerHost {
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const directories = new Set([...sources.keys()].flatMap((file) => ancestors(path.posix.dirname(file))));
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.directoryExists = (dir) => directories.has(dir.replace(/\/$/, "")) || ts.sys.directoryExists(dir);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.getSourceFile = (file, languageVersion) => {
    const text = sources.get(file) ?? readFile(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion, parentNodes);
  };
  host.getCurrentDirectory = () => root;
  return host;
}

function ancestors(dir: string): string[] {
  return dir === "/" ? ["/"] : [dir, ...ancestors(path.posix.dirname(dir))];
}
