import path from "node:path";
import type { GeneratedFile } from "../emit/index.js";
import type { EmitFormat } from "../config.js";
import { memoryCompilerHost } from "./memory-host.js";

/**
 * `--emit js` / `--emit cjs`: compiles the generated TypeScript in memory to JavaScript plus
 * `.d.ts`, so plain-JavaScript projects can import the SDK. TypeScript is loaded only here.
 */
export async function compileOutput(files: GeneratedFile[], format: Exclude<EmitFormat, "ts">): Promise<GeneratedFile[]> {
  const { ts } = await import("../typescript.js");
  const root = "/sdk/";
  const sources = new Map(files.filter((f) => f.path.endsWith(".ts")).map((f) => [root + f.path, f.content]));
  const options: import("typescript").CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: format === "cjs" ? ts.ModuleKind.CommonJS : ts.ModuleKind.ES2022,
    moduleResolution: format === "cjs" ? ts.ModuleResolutionKind.Node10 : ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    declaration: true,
    strict: true,
    skipLibCheck: true,
    outDir: root,
    rootDir: root,
    newLine: ts.NewLineKind.LineFeed,
  };
  const host = memoryCompilerHost(ts, options, sources, { parentNodes: true, root });
  const output: GeneratedFile[] = [];
  host.writeFile = (file, text) => output.push({ path: path.posix.relative(root, file), content: text });
  const program = ts.createProgram([...sources.keys()], options, host);
  const result = program.emit();
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const first = ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n");
    throw new Error(`the generated TypeScript did not compile (${errors.length} errors; first: ${first})`);
  }
  const others = files.filter((f) => !f.path.endsWith(".ts"));
  // The SDK's own package.json says how its .js files are read, whatever the host package's
  // `type` says: CommonJS inside an ESM package, ES modules inside a CommonJS one (`npm init`'s default).
  const marker = [{ path: "package.json", content: `{ "type": "${format === "cjs" ? "commonjs" : "module"}" }\n` }];
  return [...output, ...others, ...marker].sort((a, b) => (a.path < b.path ? -1 : 1));
}

