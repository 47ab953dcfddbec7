import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { ApiModel } from "../model/types.js";
import { commentText } from "./docs.js";

/** `client.ts`: `createClient(config)` returning one instance of every top-level resource. */
export function clientStatements(model: ApiModel): StatementStructures[] {
  const hasDefault = model.baseUrl !== undefined;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/index.js",
      namedImports: [{ name: "createHttpClient" }, { name: "ClientConfig", isTypeOnly: true }],
    },
    ...model.resources.map(
      (r): StatementStructures => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./resources/${r.fileName}.js`, namedImports: [r.className] }),
    ),
  ];
  if (hasDefault) {
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["The first server URL in the spec; override it with `createClient({ baseUrl })`."],
      declarations: [{ name: "DEFAULT_BASE_URL", initializer: JSON.stringify(model.baseUrl) }],
    });
  }
  statements.push(
    {
      kind: StructureKind.Interface,
      name: "Client",
      isExported: true,
      docs: [commentText(`${model.title} ${model.version}`.trim())],
      properties: model.resources.map((r) => ({ name: r.name, type: r.className, isReadonly: true })),
    },
    {
      kind: StructureKind.Function,
      name: "createClient",
      isExported: true,
      docs: [
        "Creates a client. Each resource is also importable on its own: `new Pets(createHttpClient(config))`." +
          (hasDefault ? "" : "\n\nThe spec declares no server, so `baseUrl` is required."),
      ],
      parameters: [hasDefault ? { name: "config", type: "Partial<ClientConfig>", initializer: "{}" } : { name: "config", type: "ClientConfig" }],
      returnType: "Client",
      statements: [
        `const http = createHttpClient(${hasDefault ? "{ baseUrl: DEFAULT_BASE_URL, ...config }" : "config"});`,
        `return { ${model.resources.map((r) => `${r.name}: new ${r.className}(http)`).join(", ")} };`,
      ],
    },
  );
  return statements;
}

/** `index.ts`: the client, the runtime, every resource and the schema types. */
export function indexStatements(model: ApiModel, resourceFiles: string[]): StatementStructures[] {
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js" },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/index.js" },
    ...resourceFiles.map((file): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./resources/${file}.js` })),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./schema.js",
      isTypeOnly: true,
      namedExports: ["components", "operations", "paths", "webhooks"],
    },
  ];
}
