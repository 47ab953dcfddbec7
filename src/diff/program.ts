import type * as TS from "typescript";
import type { GeneratedFile } from "../emit/index.js";
import { memoryCompilerHost } from "../output/memory-host.js";

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
 * Both SDKs in one in-memory TypeScript program (`/before/`, `/after/`), plus a probe file that
 * declares, for each method, `[Parameters<M>, Awaited<ReturnType<M>>]`: a generic method (one that
 * picks its body type by `contentType`) then stands for every call it accepts, with its type
 * parameters at their constraints, as TypeScript itself resolves them. Nothing is emitted and only
 * the types asked for are resolved, so big SDKs cost little more than parsing them.
 */
export async function loadSdks(before: GeneratedFile[], after: GeneratedFile[], methods: { before: string[]; after: string[] }): Promise<SdkPrograms> {
  const { ts } = await import("../typescript.js");
  const sources = new Map<string, string>();
  for (const [side, files] of [["before", before], ["after", after]] as const) {
    for (const file of files) if (file.path.endsWith(".ts")) sources.set(`/${side}/${file.path}`, file.content);
  }
  // The one DOM type the API's own types use (binary bodies and files), so a change to or from it is seen.
  sources.set("/dom.d.ts", "declare class Blob {\n  readonly size: number;\n  readonly type: string;\n  arrayBuffer(): Promise<ArrayBuffer>;\n  text(): Promise<string>;\n}\n");
  const probe = "/probe.ts";
  const probes = new Map<string, string>();
  const lines = ['import type { Client as Before } from "./before/client.js";', 'import type { Client as After } from "./after/client.js";', "declare const before: Before;", "declare const after: After;"];
  for (const side of ["before", "after"] as const) {
    for (const methodPath of methods[side]) {
      // Method paths come from the lock: dotted identifiers, checked by model/name-lock.ts.
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(methodPath)) continue;
      const name = `m${probes.size}`;
      probes.set(`${side} ${methodPath}`, name);
      lines.push(`export declare const ${name}: [Parameters<typeof ${side}.${methodPath}>, Awaited<ReturnType<typeof ${side}.${methodPath}>>];`);
    }
  }
  sources.set(probe, lines.join("\n") + "\n");
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
  const host = memoryCompilerHost(ts, options, sources);
  const program = ts.createProgram([probe, "/dom.d.ts"], options, host);
  const checker = program.getTypeChecker();
  const declared = new Map<string, TS.Type>();
  const probeFile = program.getSourceFile(probe)!;
  for (const statement of probeFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) declared.set(declaration.name.getText(probeFile), checker.getTypeAtLocation(declaration.name));
  }
  return {
    ts,
    checker,
    method(side, methodPath) {
      const probed = declared.get(probes.get(`${side} ${methodPath}`) ?? "");
      if (!probed || !checker.isTupleType(probed)) return undefined;
      const [parameters, response] = checker.getTypeArguments(probed as TS.TypeReference);
      if (!parameters || !response || !checker.isTupleType(parameters)) return undefined;
      const tuple = (parameters as TS.TypeReference).target as TS.TupleType;
      return {
        parameters: checker.getTypeArguments(parameters as TS.TypeReference).map((type, index) => {
          const label = tuple.labeledElementDeclarations?.[index]?.name;
          return { name: label && ts.isIdentifier(label) ? label.text : `argument${index + 1}`, type, optional: (tuple.elementFlags[index]! & ts.ElementFlags.Optional) !== 0 };
        }),
        response,
      };
    },
  };
}

