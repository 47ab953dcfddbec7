import { StructureKind, type ClassDeclarationStructure, type MethodDeclarationStructure, type OptionalKind, type ParameterDeclarationStructure, type StatementStructures } from "ts-morph";
import { pascalCase, uniqueName } from "../model/names.js";
import type { ApiMethod, Resource } from "../model/types.js";
import { methodDoc } from "./docs.js";
import { bodyType, cookiesType, headersType, pathParamType, queryType, responseType } from "./type-refs.js";

/** Alias names (`PetsListResponse`, ...) are exported from index.ts, so they are unique across the SDK. */
export type NameRegistry = Set<string>;

interface MethodTypes {
  aliases: StatementStructures[];
  response: string;
  body: string | undefined;
  options: string;
  optionsRequired: boolean;
}

/** The statements of `resources/<file>.ts`: named type aliases, then one class with a method per operation. */
export function resourceStatements(resource: Resource, names: NameRegistry): StatementStructures[] {
  const statements: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "../schema.js", namedImports: ["paths"], isTypeOnly: true },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/index.js",
      namedImports: ["ApiPromise", "encodePathParam", "HeaderValues", "HttpClient", "IdempotentWriteOptions", "RequestOptions", "ServerSentEvent", "UnsafeRequestOptions"].map(
        (name) => (name === "encodePathParam" ? { name } : { name, isTypeOnly: true }),
      ),
    },
    ...resource.children.map(
      (child): StatementStructures => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${child.fileName}.js`, namedImports: [child.className] }),
    ),
  ];
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  for (const method of resource.methods) {
    const types = methodTypes(resource, method, names);
    statements.push(...types.aliases);
    const parameters = methodParameters(method, types);
    methods.push({
      name: method.name,
      docs: [methodDoc(method)],
      parameters,
      returnType: `ApiPromise<${types.response}>`,
      statements: [requestCall(method)],
    });
    for (const alias of method.aliases) {
      methods.push({
        name: alias,
        docs: [`Alias of {@link ${resource.className}.${method.name}}.`],
        parameters,
        returnType: `ApiPromise<${types.response}>`,
        statements: [`return this.${method.name}(${parameters.map((p) => p.name).join(", ")});`],
      });
    }
  }
  statements.push(resourceClass(resource, methods));
  return pruneUnusedImports(statements);
}

function resourceClass(resource: Resource, methods: OptionalKind<MethodDeclarationStructure>[]): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    // `#client` is a private field, so no spec name (a sub-resource called `client`) can clash with it.
    properties: [
      { name: "#client", type: "HttpClient", isReadonly: true },
      ...resource.children.map((child) => ({ name: child.name, type: child.className, isReadonly: true })),
    ],
    ctors: [
      {
        parameters: [{ name: "client", type: "HttpClient" }],
        statements: ["this.#client = client;", ...resource.children.map((child) => `this.${child.name} = new ${child.className}(client);`)],
      },
    ],
    methods,
  };
}

function methodTypes(resource: Resource, method: ApiMethod, names: NameRegistry): MethodTypes {
  const prefix = resource.className + pascalCase(method.name);
  const aliases: StatementStructures[] = [];
  const alias = (suffix: string, type: string) => {
    const name = uniqueName(prefix + suffix, names);
    aliases.push({ kind: StructureKind.TypeAlias, name, type, isExported: true });
    return name;
  };
  const response = alias("Response", responseType(method));
  const body = method.body ? alias("Body", bodyType(method)) : undefined;
  const base = method.retry.safe ? (method.idempotencyHeader ? "IdempotentWriteOptions" : "RequestOptions") : "UnsafeRequestOptions";
  const extra: string[] = [];
  if (method.hasQuery) extra.push(`query${method.queryRequired ? "" : "?"}: ${alias("Query", queryType(method))}`);
  if (method.hasHeaders) extra.push(`headers${method.headersRequired ? "" : "?"}: ${alias("Headers", headersType(method))} & HeaderValues`);
  if (method.hasCookies) extra.push(`cookies${method.cookiesRequired ? "" : "?"}: ${alias("Cookies", cookiesType(method))}`);
  const options = alias("Options", extra.length ? `${base} & { ${extra.join("; ")} }` : base);
  return { aliases, response, body, options, optionsRequired: method.queryRequired || method.headersRequired || method.cookiesRequired };
}

function methodParameters(method: ApiMethod, types: MethodTypes): OptionalKind<ParameterDeclarationStructure>[] {
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = method.pathParams.map((param) => ({
    name: param.identifier,
    type: pathParamType(method, param),
  }));
  if (types.body) parameters.push({ name: "body", type: types.body, hasQuestionToken: !method.body!.required && !types.optionsRequired });
  parameters.push({ name: "options", type: types.options, hasQuestionToken: !types.optionsRequired });
  return parameters;
}

/** `return this.#client.request({ method, path, ... }, options, body);` with the path built from literals and encoded arguments. */
function requestCall(method: ApiMethod): string {
  const path = pathExpression(method);
  const fields = [`method: ${JSON.stringify(method.httpMethod.toUpperCase())}`, `path: ${path}`, `retrySafe: ${method.retry.safe}`];
  if (!method.auth) fields.push("auth: false");
  if (method.accept && method.accept !== "application/json") fields.push(`accept: ${JSON.stringify(method.accept)}`);
  if (method.responses.some((r) => r.media?.format === "event-stream")) fields.push("stream: true");
  if (Object.keys(method.queryStyles).length > 0) fields.push(`queryStyles: ${JSON.stringify(method.queryStyles)}`);
  if (method.idempotencyHeader) fields.push(`idempotencyHeader: ${JSON.stringify(method.idempotencyHeader)}`);
  if (method.body) fields.push(`bodyFormat: ${JSON.stringify(method.body.media.format)}`, `contentType: ${JSON.stringify(method.body.media.contentType)}`);
  const args = [`{ ${fields.join(", ")} }`, "options"];
  if (method.body) args.push("body");
  return `return this.#client.request(${args.join(", ")});`;
}

/** `/pets/{petId}.json` → `"/pets/" + encodePathParam(petId) + ".json"`; literals go through JSON.stringify, so nothing in the spec can break out of them. */
export function pathExpression(method: ApiMethod): string {
  const identifiers = new Map(method.pathParams.map((p) => [p.name, p.identifier]));
  const parts: string[] = [];
  let last = 0;
  for (const match of method.path.matchAll(/\{([^}]+)\}/g)) {
    if (match.index > last) parts.push(JSON.stringify(method.path.slice(last, match.index)));
    parts.push(`encodePathParam(${identifiers.get(match[1]!)})`);
    last = match.index + match[0].length;
  }
  if (last < method.path.length) parts.push(JSON.stringify(method.path.slice(last)));
  return parts.join(" + ") || '""';
}

/** Drops named imports no statement uses, so the output has no unused-import noise. */
function pruneUnusedImports(statements: StatementStructures[]): StatementStructures[] {
  const text = JSON.stringify(statements.filter((s) => s.kind !== StructureKind.ImportDeclaration));
  return statements.flatMap((statement) => {
    if (statement.kind !== StructureKind.ImportDeclaration || !Array.isArray(statement.namedImports)) return [statement];
    const used = statement.namedImports.filter((spec) => {
      const name = typeof spec === "string" ? spec : (spec as { name: string }).name;
      return new RegExp(`\\b${name}\\b`).test(text);
    });
    return used.length ? [{ ...statement, namedImports: used }] : [];
  });
}
