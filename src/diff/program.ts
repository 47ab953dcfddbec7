import path from "node:path";
import type * as TS from "typescript";
import type { GeneratedFile } from "../emit/index.js";

/** One method of a generated SDK as the checker sees it. */
export interface MethodSignature {
  parameters: Array<{ name: string; type: TS.Type; optional: boolean }>;
  /** What the returned `ApiPromise` resolves to. */
  response: TS.Type;
}

export interface SdkPrograms {
  ts: typeof TS;
  checker: TS.TypeChecker;
  /** `pets.events.list` on the old (`before`) or new (`after`) SDK's `Client`; undefined when it is not there. */
  method(side: "before" | "after", methodPath: string): MethodSignature | undefined;
}

/**
 * Both SDKs in one in-memory TypeScript program (`/before/`, `/after/`), plus a file declaring a
 * client of each, so their types can be compared with the checker. Nothing is emitted and only
 * the types asked for are resolved, so big SDKs cost little more than parsing them.
 */
export async function loadSdks(before: GeneratedFile[], after: GeneratedFile[]): Promise<SdkPrograms> {
  const { ts } = await import("../typescript.js");
  const sources = new Map<string, string>();
  for (const [side, files] of [["before", before], ["after", after]] as const) {
    for (const file of files) if (file.path.endsWith(".ts")) sources.set(`/${side}/${file.path}`, file.content);
  }
  // The one DOM type the API's own types use (binary bodies and files), so a change to or from it is seen.
  sources.set("/dom.d.ts", "declare class Blob {\n  readonly size: number;\n  readonly type: string;\n  arrayBuffer(): Promise<ArrayBuffer>;\n  text(): Promise<string>;\n}\n");
  const probe = "/probe.ts";
  sources.set(
    probe,
    'import type { Client as Before } from "./before/client.js";\nimport type { Client as After } from "./after/client.js";\n' +
      "export declare const before: Before;\nexport declare const after: After;\n",
  );
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Without the DOM's 2 MB of declarations (half the time of a small diff): the runtime's DOM types
    // (Headers, AbortSignal) become `any` on both sides; the API's own types need only Blob, declared below.
    lib: ["lib.es2022.d.ts"],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const directories = new Set([...sources.keys()].flatMap((file) => ancestors(path.posix.dirname(file))));
  host.fileExists = (file) => sources.has(file) || ts.sys.fileExists(file);
  host.directoryExists = (dir) => directories.has(dir.replace(/\/$/, "")) || ts.sys.directoryExists(dir);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.getSourceFile = (file, languageVersion) => {
    const text = sources.get(file) ?? readFile(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion);
  };
  host.getCurrentDirectory = () => "/";
  const program = ts.createProgram([probe, "/dom.d.ts"], options, host);
  const checker = program.getTypeChecker();
  const declared = new Map<string, TS.Type>();
  for (const statement of program.getSourceFile(probe)!.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) declared.set(declaration.name.getText(program.getSourceFile(probe)), checker.getTypeAtLocation(declaration.name));
  }
  return {
    ts,
    checker,
    method(side, methodPath) {
      let type = declared.get(side);
      for (const name of methodPath.split(".")) {
        const property = type && checker.getPropertyOfType(type, name);
        type = property && checker.getTypeOfSymbol(property);
      }
      const signature = type && checker.getSignaturesOfType(type, ts.SignatureKind.Call)[0];
      if (!signature) return undefined;
      return {
        parameters: signature.getParameters().map((parameter) => {
          const declaration = parameter.valueDeclaration;
          const optional = declaration !== undefined && ts.isParameter(declaration) && checker.isOptionalParameter(declaration);
          return { name: parameter.name, type: checker.getTypeOfSymbol(parameter), optional };
        }),
        response: checker.getAwaitedType(signature.getReturnType()) ?? signature.getReturnType(),
      };
    },
  };
}

function ancestors(dir: string): string[] {
  return dir === "/" ? ["/"] : [dir, ...ancestors(path.posix.dirname(dir))];
}
