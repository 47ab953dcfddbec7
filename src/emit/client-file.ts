import { StructureKind, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import type { ApiModel, AuthScheme } from "../model/types.js";
import { commentText } from "./docs.js";

/** `client.ts`: `createClient(config)` returning one instance of every top-level resource. */
export function clientStatements(model: ApiModel): StatementStructures[] {
  const hasDefault = model.baseUrl !== undefined;
  const hasAuth = model.auth.length > 0;
  const runtimeTypes = hasAuth ? ["BasicCredential", "ClientConfig", "Credential", "SecurityScheme"] : ["ClientConfig"];
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/index.js",
      namedImports: [{ name: "createHttpClient" }, ...runtimeTypes.filter((t) => t !== "BasicCredential" || model.auth.some((a) => a.type === "basic")).map((name) => ({ name, isTypeOnly: true }))],
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
  if (hasAuth) statements.push(...authStatements(model.auth));
  const configType = hasAuth ? "ClientOptions" : "Partial<ClientConfig>";
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
      parameters: [hasDefault ? { name: "config", type: configType, initializer: "{}" } : { name: "config", type: `${configType} & { baseUrl: string }` }],
      returnType: "Client",
      statements: [
        ...(hasAuth ? ["const { auth, ...rest } = config;"] : []),
        `const http = createHttpClient({ ${[
          hasDefault ? "baseUrl: DEFAULT_BASE_URL, " : "",
          model.retry === undefined ? "" : `retry: ${JSON.stringify(model.retry)}, `,
          hasAuth ? "...rest, auth: { schemes: SECURITY_SCHEMES, credentials: { ...auth } }" : "...config",
        ].join("")} });`,
        `return { ${model.resources.map((r) => `${r.name}: new ${r.className}(http)`).join(", ")} };`,
      ],
    },
  );
  return statements;
}

/** `SECURITY_SCHEMES` (how each credential is sent), `ClientAuth` (what the caller passes) and `ClientOptions`. */
function authStatements(schemes: AuthScheme[]): StatementStructures[] {
  const how = (scheme: AuthScheme) =>
    scheme.type === "apiKey" ? `{ type: "apiKey", in: ${JSON.stringify(scheme.in)}, name: ${JSON.stringify(scheme.name)} }` : `{ type: ${JSON.stringify(scheme.type)} }`;
  const sentAs = (scheme: AuthScheme) =>
    scheme.type === "bearer" ? "a bearer token (`Authorization: Bearer ...`)" : scheme.type === "basic" ? "HTTP basic credentials" : `an API key in the ${scheme.in} \`${commentText(scheme.name).replace(/`/g, "'")}\``;
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["How each of the spec's security schemes is sent."],
      declarations: [
        { name: "SECURITY_SCHEMES", initializer: `{ ${schemes.map((s) => `${s.property}: ${how(s)}`).join(", ")} } satisfies Record<string, SecurityScheme>` },
      ],
    },
    {
      kind: StructureKind.Interface,
      name: "ClientAuth",
      isExported: true,
      docs: ["Credentials for `createClient({ auth })`; a function is called before each request (token refresh). They are never sent to another origin."],
      properties: schemes.map((s) => ({
        name: s.property,
        hasQuestionToken: true,
        type: s.type === "basic" ? "BasicCredential" : "Credential",
        docs: [[s.description ? commentText(s.description) : "", `Sent as ${sentAs(s)} (scheme \`${commentText(s.key).replace(/`/g, "'")}\`).`].filter(Boolean).join("\n\n")],
      })),
    },
    {
      kind: StructureKind.TypeAlias,
      name: "ClientOptions",
      isExported: true,
      type: `Omit<Partial<ClientConfig>, "auth"> & { auth?: ClientAuth }`,
    },
  ];
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
