import type { FunctionDeclarationStructure, StatementStructures } from "ts-morph";
import type { ApiModel, AuthScheme } from "../model/types.js";
import { commentText } from "./docs.js";
import { StructureKind, VariableDeclarationKind } from "./ts-morph.js";

/**
 * `base-client.ts`: the server URL, the security schemes and `createBaseClient(config)`, the
 * configured HTTP client without any resource. Standalone functions take it, so a consumer that
 * imports only those never loads (or type-checks) the other resources.
 */
export function baseClientStatements(model: ApiModel): StatementStructures[] {
  const hasDefault = model.baseUrl !== undefined;
  const hasAuth = model.auth.length > 0;
  const runtimeTypes = hasAuth ? ["BasicCredential", "ClientConfig", "Credential", "HttpClient", "SecurityScheme"] : ["ClientConfig", "HttpClient"];
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime/index.js",
      namedImports: [{ name: "createHttpClient" }, ...runtimeTypes.filter((t) => t !== "BasicCredential" || model.auth.some((a) => a.type === "basic")).map((name) => ({ name, isTypeOnly: true }))],
    },
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
  statements.push({
    ...factory(
      model,
      "createBaseClient",
      "The configured HTTP client alone: pass it to the standalone functions (one per operation, `<resource><Method>(http, ...)`) or to one resource class, so a bundle holds only what it calls.",
    ),
    returnType: "HttpClient",
    statements: [
      ...(hasAuth ? ["const { auth, ...rest } = config;"] : []),
      `return createHttpClient({ ${[
        hasDefault ? "baseUrl: DEFAULT_BASE_URL, " : "",
        model.retry === undefined ? "" : `retry: ${JSON.stringify(model.retry)}, `,
        hasAuth ? "...rest, auth: { schemes: SECURITY_SCHEMES, credentials: { ...auth } }" : "...config",
      ].join("")} });`,
    ],
  });
  return statements;
}

function configType(model: ApiModel): string {
  return model.auth.length > 0 ? "ClientOptions" : "Partial<ClientConfig>";
}

/** An exported `name(config)` function: `config` is optional when the spec names a server, required (with `baseUrl`) when not. */
function factory(model: ApiModel, name: string, doc: string): FunctionDeclarationStructure {
  const hasDefault = model.baseUrl !== undefined;
  return {
    kind: StructureKind.Function,
    name,
    isExported: true,
    docs: [doc + (hasDefault ? "" : "\n\nThe spec declares no server, so `baseUrl` is required.")],
    parameters: [hasDefault ? { name: "config", type: configType(model), initializer: "{}" } : { name: "config", type: `${configType(model)} & { baseUrl: string }` }],
  };
}

/** `client.ts`: `createClient(config)` returning one instance of every top-level resource. */
export function clientStatements(model: ApiModel): StatementStructures[] {
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./base-client.js",
      namedImports: [{ name: "createBaseClient" }, ...(model.auth.length > 0 ? [{ name: "ClientOptions", isTypeOnly: true }] : [])],
    },
    ...(model.auth.length > 0 ? [] : [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/index.js", namedImports: [{ name: "ClientConfig", isTypeOnly: true }] } as StatementStructures]),
    ...model.resources.map(
      (r): StatementStructures => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./resources/${r.fileName}.js`, namedImports: [r.className] }),
    ),
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./base-client.js" },
  ];
  statements.push(
    {
      kind: StructureKind.Interface,
      name: "Client",
      isExported: true,
      docs: [commentText(`${model.title} ${model.version}`.trim())],
      properties: model.resources.map((r) => ({ name: r.name, type: r.className, isReadonly: true })),
    },
    {
      ...factory(model, "createClient", "Creates a client with every resource. For the smallest bundle, import the standalone functions you call and `createBaseClient` instead."),
      returnType: "Client",
      statements: [`const http = createBaseClient(config);`, `return { ${model.resources.map((r) => `${r.name}: new ${r.className}(http)`).join(", ")} };`],
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

/** `index.ts`: the client, the runtime, every resource's operations and class, and the schema types. */
export function indexStatements(model: ApiModel, moduleFiles: string[]): StatementStructures[] {
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./client.js" },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./runtime/index.js" },
    ...moduleFiles.map((file): StatementStructures => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${file}.js` })),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./schema.js",
      isTypeOnly: true,
      namedExports: ["components", "operations", "paths", "webhooks"],
    },
  ];
}
