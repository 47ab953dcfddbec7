import { SDK_EXPORTS } from "../model/names.js";
import type { ApiModel, Resource } from "../model/types.js";
import { baseClientStatements, clientStatements, indexStatements } from "./client-file.js";
import { resourceStatements, type FunctionNames } from "./resource-file.js";
import { sdkReadme } from "./sdk-readme.js";
import { sdkRetryTable } from "./sdk-retries.js";
import type { Statement } from "./statements.js";
import { printStructure, StructureKind } from "./ts-morph.js";

export interface GeneratedFile {
  /** Relative to the output folder, always with forward slashes. */
  path: string;
  content: string;
}

/** IR → TypeScript files: two per resource (operations/ and resources/), plus base-client.ts, client.ts, index.ts and README.md. */
export function emitClient(model: ApiModel): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  // Type aliases are exported from index.ts beside the runtime's names: never reuse one.
  const names = new Set<string>(SDK_EXPORTS);
  const functionNames: FunctionNames = new Map();
  const visit = (resource: Resource) => {
    const { operations, resource: resourceFile } = resourceStatements(resource, names, functionNames);
    // A resource that only groups sub-resources has no operations: no file (it would not be a module).
    if (resource.methods.length > 0) files.push({ path: `operations/${resource.fileName}.ts`, content: print(operations) });
    files.push({ path: `resources/${resource.fileName}.ts`, content: print(resourceFile) });
    resource.children.forEach(visit);
  };
  model.resources.forEach(visit);
  const moduleFiles = files.map((f) => f.path.slice(0, -".ts".length)).sort();
  files.push({ path: "base-client.ts", content: print(baseClientStatements(model)) });
  files.push({ path: "client.ts", content: print(clientStatements(model)) });
  files.push({ path: "index.ts", content: print(indexStatements(model, moduleFiles)) });
  files.push(sdkReadme(model, functionNames));
  const retries = sdkRetryTable(model);
  if (retries) files.push(retries);
  return files;
}

/** One printStructure call per file: no ts-morph Project, no AST manipulation. */
function print(statements: Statement[]): string {
  return printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
}
