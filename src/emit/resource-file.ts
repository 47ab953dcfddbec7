import type { ClassDeclarationStructure, MethodDeclarationStructure, OptionalKind, ParameterDeclarationStructure } from "ts-morph";
import { pascalCase, safeIdentifier, uniqueName } from "../model/names.js";
import type { ApiMethod, Resource } from "../model/types.js";
import { commentText, methodDoc } from "./docs.js";
import { isPaginated, pageItemType, pagingDoc, paginateCall, PAGINATION_IMPORTS, pageReturnType } from "./pagination.js";
import { importStatements, typeAlias, type Import, type Statement } from "./statements.js";
import { StructureKind } from "./ts-morph.js";
import { bodyType, cookiesType, headersType, pathParamType, queryType, responseType } from "./type-refs.js";

/** Alias names (`PetsListResponse`, ...) are exported from index.ts, so they are unique across the SDK. */
export type NameRegistry = Set<string>;

/** The standalone function emitted for each method (the generated README shows one). */
export type FunctionNames = Map<ApiMethod, string>;

interface MethodTypes {
  /** `export type PetsGetResponse = ...;` statements, and their names. */
  aliases: string[];
  aliasNames: string[];
  response: string;
  /** A paginated list's item type alias (`ReposIssuesListItem`). */
  item: string | undefined;
  /** The body's type: the default media type's, or `XBodies[C]` when a call may pick another. */
  body: string | undefined;
  options: string;
  optionsRequired: boolean;
  /** `<C extends keyof XBodies = "application/json">` when the request has alternative content types. */
  typeParameter: { name: string; constraint: string; default: string } | undefined;
}

/** The two files of a resource: its operations as standalone functions, and its class. */
export interface ResourceFiles {
  /** `operations/<file>.ts`: per operation its named type aliases and a standalone function. */
  operations: Statement[];
  /** `resources/<file>.ts`: the class, whose methods call those functions. */
  resource: Statement[];
}

/**
 * A resource's operations are standalone functions (`petsGet(client, petId)`) in a file that
 * imports no other resource: a consumer of one function neither bundles nor type-checks the rest
 * of the SDK. The class in `resources/` calls them and holds the sub-resources.
 */
export function resourceStatements(resource: Resource, names: NameRegistry, functionNames: FunctionNames = new Map()): ResourceFiles {
  const operationImports: Import[] = [
    { module: "../schema.js", names: [{ name: "paths" }], typeOnly: true },
    {
      module: "../runtime/index.js",
      names: ["ApiPromise", "encodePathParam", "Endpoint", "HeaderValues", "HttpClient", "IdempotentWriteOptions", "paginate", "readEventStream", "RequestOptions", "ServerSentEvent", "UnsafeRequestOptions", ...PAGINATION_IMPORTS].map(
        (name) => (name === "encodePathParam" || name === "readEventStream" || name === "paginate" ? { name } : { name, typeOnly: true }),
      ),
    },
  ];
  const operations: Statement[] = [];
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  const exported: string[] = [];
  for (const method of resource.methods) {
    const types = methodTypes(resource, method, names);
    const parameters = methodParameters(method, types);
    const functionName = standaloneName(resource, method, names);
    functionNames.set(method, functionName);
    exported.push(functionName, ...types.aliasNames);
    const typeParameters = types.typeParameter ? [types.typeParameter] : [];
    const typeArguments = types.typeParameter ? `<${types.typeParameter.name}>` : "";
    const returnType = types.item ? pageReturnType(types.response, types.item) : `ApiPromise<${types.response}>`;
    const args = parameters.map((p) => p.name).join(", ");
    operations.push(...types.aliases, {
      kind: StructureKind.Function,
      name: functionName,
      isExported: true,
      docs: [standaloneDoc(resource, method)],
      typeParameters,
      parameters: [{ name: "client", type: "HttpClient" }, ...parameters],
      returnType,
      statements: [requestCall(method)],
    });
    methods.push({ name: method.name, docs: [methodDoc(method) + pagingDoc(method)], typeParameters, parameters, returnType, statements: [`return ${functionName}${typeArguments}(this.#client, ${args});`] });
    for (const alias of method.aliases) {
      methods.push({
        name: alias,
        docs: [`Alias of {@link ${resource.className}.${method.name}}.`],
        typeParameters,
        parameters,
        returnType,
        statements: [`return this.${method.name}${typeArguments}(${args});`],
      });
    }
  }
  const functions = new Set(functionNames.values());
  // Only a parameter type indexes `paths` here; a sub-resource may be called `paths` (GitHub repos.traffic.popular).
  const indexesPaths = methods.some((m) => m.parameters?.some((p) => String(p.type).includes("paths[")));
  const classImports: Import[] = [
    ...(indexesPaths ? [{ module: "../schema.js", names: [{ name: "paths" }], typeOnly: true }] : []),
    { module: "../runtime/index.js", names: [{ name: "ApiPromise" }, { name: "HttpClient" }, { name: "PagePromise" }], typeOnly: true },
    { module: `../operations/${resource.fileName}.js`, names: exported.map((name) => (functions.has(name) ? { name } : { name, typeOnly: true })) },
    ...resource.children.map((child): Import => ({ module: `./${child.fileName}.js`, names: [{ name: child.className }] })),
  ];
  const classFile: Statement[] = [resourceClass(resource, methods)];
  return { operations: [...importStatements(operationImports, operations), ...operations], resource: [...importStatements(classImports, classFile), ...classFile] };
}

/** `Pets` + `get` → `petsGet`: unique across the SDK (index.ts re-exports it) and never one of the method's own argument names. */
function standaloneName(resource: Resource, method: ApiMethod, names: NameRegistry): string {
  const base = safeIdentifier(resource.className.charAt(0).toLowerCase() + resource.className.slice(1) + pascalCase(method.name));
  const argumentNames = new Set(method.pathParams.map((p) => p.identifier));
  let name = uniqueName(base, names);
  while (argumentNames.has(name)) name = uniqueName(base, names);
  return name;
}

function standaloneDoc(resource: Resource, method: ApiMethod): string {
  const summary = method.summary ? `${commentText(method.summary).split("\n")[0]}\n\n` : "";
  return `${summary}{@link ${resource.className}.${method.name}} as a standalone function: import it alone and a bundler leaves the rest of the SDK out.`;
}

function resourceClass(resource: Resource, methods: OptionalKind<MethodDeclarationStructure>[]): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: resource.className,
    isExported: true,
    // `#client` is a private field, so no spec name (a sub-resource called `client`) can clash with it.
    // A class that only groups sub-resources has none: an unread field fails `noUnusedLocals`.
    properties: [
      ...(methods.length > 0 ? [{ name: "#client", type: "HttpClient", isReadonly: true }] : []),
      ...resource.children.map((child) => ({ name: child.name, type: child.className, isReadonly: true })),
    ],
    ctors: [
      {
        parameters: [{ name: "client", type: "HttpClient" }],
        statements: [...(methods.length > 0 ? ["this.#client = client;"] : []), ...resource.children.map((child) => `this.${child.name} = new ${child.className}(client);`)],
      },
    ],
    methods,
  };
}

function methodTypes(resource: Resource, method: ApiMethod, names: NameRegistry): MethodTypes {
  const prefix = resource.className + pascalCase(method.name);
  const aliases: string[] = [];
  const aliasNames: string[] = [];
  const alias = (suffix: string, type: string) => {
    const name = uniqueName(prefix + suffix, names);
    aliases.push(typeAlias(name, type));
    aliasNames.push(name);
    return name;
  };
  const response = alias("Response", responseType(method));
  const item = isPaginated(method) ? alias("Item", pageItemType(method.pagination, response)) : undefined;
  let body = method.body ? alias("Body", bodyType(method)) : undefined;
  let typeParameter: MethodTypes["typeParameter"];
  let contentTypeOption = "";
  if (method.body && body && method.body.alternatives.length > 0) {
    const entries = [`${JSON.stringify(method.body.media.contentType)}: ${body}`, ...method.body.alternatives.map((media) => `${JSON.stringify(media.contentType)}: ${bodyType(method, media)}`)];
    const bodies = alias("Bodies", `{ ${entries.join("; ")} }`);
    typeParameter = { name: "C", constraint: `keyof ${bodies}`, default: JSON.stringify(method.body.media.contentType) };
    body = `${bodies}[C]`;
    contentTypeOption = "contentType?: C";
  }
  const base = method.retry.safe ? (method.idempotencyHeader ? "IdempotentWriteOptions" : "RequestOptions") : "UnsafeRequestOptions";
  const extra: string[] = [];
  if (method.hasQuery) extra.push(`query${method.queryRequired ? "" : "?"}: ${alias("Query", queryType(method))}`);
  if (method.hasHeaders) extra.push(`headers${method.headersRequired ? "" : "?"}: ${alias("Headers", headersType(method))} & HeaderValues`);
  if (method.hasCookies) extra.push(`cookies${method.cookiesRequired ? "" : "?"}: ${alias("Cookies", cookiesType(method))}`);
  const paging = isPaginated(method) ? " & PageOptions" : "";
  let options = alias("Options", (extra.length ? `${base} & { ${extra.join("; ")} }` : base) + paging);
  // The chosen content type stays generic, so the body's type follows it: `create(form, { contentType: "application/x-www-form-urlencoded" })`.
  if (contentTypeOption) options = `${options} & { ${contentTypeOption} }`;
  return { aliases, aliasNames, response, item, body, options, optionsRequired: method.queryRequired || method.headersRequired || method.cookiesRequired, typeParameter };
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

/** `return client.request({ method, path, ... }, options, body);` with the path built from literals and encoded arguments. */
function requestCall(method: ApiMethod): string {
  const path = pathExpression(method);
  const fields = [`method: ${JSON.stringify(method.httpMethod.toUpperCase())}`, `path: ${path}`, `retrySafe: ${method.retry.safe}`];
  if (!method.auth) fields.push("auth: false");
  if (method.accept && method.accept !== "application/json") fields.push(`accept: ${JSON.stringify(method.accept)}`);
  // The event-stream parser is passed in, so SDKs (and bundles) without streaming never hold it.
  if (method.responses.some((r) => r.media?.format === "event-stream")) fields.push("stream: readEventStream");
  if (Object.keys(method.queryStyles).length > 0) fields.push(`queryStyles: ${JSON.stringify(method.queryStyles)}`);
  if (method.headerExplode) fields.push(`headerExplode: ${JSON.stringify(method.headerExplode)}`);
  if (method.cookieStyles) fields.push(`cookieStyles: ${JSON.stringify(method.cookieStyles)}`);
  if (method.idempotencyHeader) fields.push(`idempotencyHeader: ${JSON.stringify(method.idempotencyHeader)}`);
  const args = [`{ ${fields.join(", ")} }`, "options"];
  const invoke = (list: string[]) => (isPaginated(method) ? paginateCall(list, method.pagination) : `client.request(${list.join(", ")})`);
  if (method.body) args.push("body");
  if (!method.body) return `return ${invoke(args)};`;
  const { media, alternatives } = method.body;
  if (alternatives.length === 0) {
    fields.push(`bodyFormat: ${JSON.stringify(media.format)}`, `contentType: ${JSON.stringify(media.contentType)}`);
    if (media.encoding) fields.push(`bodyEncoding: ${JSON.stringify(media.encoding)}`);
    args[0] = `{ ${fields.join(", ")} }`;
    return `return ${invoke(args)};`;
  }
  const formats = [media, ...alternatives].map((m) => `${JSON.stringify(m.contentType)}: ${JSON.stringify(m.format)}`).join(", ");
  fields.push(`bodyFormat: ({ ${formats} } as const)[contentType]`, "contentType");
  const encoded = [media, ...alternatives].filter((m) => m.encoding);
  if (encoded.length) fields.push(`bodyEncoding: ({ ${encoded.map((m) => `${JSON.stringify(m.contentType)}: ${JSON.stringify(m.encoding)}`).join(", ")} } as Record<string, Endpoint["bodyEncoding"]>)[contentType]`);
  args[0] = `{ ${fields.join(", ")} }`;
  return `const contentType = options?.contentType ?? ${JSON.stringify(media.contentType)};\nreturn ${invoke(args)};`;
}

/** `/pets/{petId}.json` → `"/pets/" + encodePathParam(petId) + ".json"`; literals go through JSON.stringify, so nothing in the spec can break out of them. */
export function pathExpression(method: ApiMethod): string {
  const identifiers = new Map(method.pathParams.map((p) => [p.name, p.identifier]));
  const styles = new Map(method.pathParams.map((p) => [p.name, p.style]));
  const parts: string[] = [];
  let last = 0;
  for (const match of method.path.matchAll(/\{([^}]+)\}/g)) {
    if (match.index > last) parts.push(JSON.stringify(method.path.slice(last, match.index)));
    const param = styles.get(match[1]!);
    // Label and matrix styles carry the parameter's name (`;id=5`).
    const style = param && (param.style === "matrix" ? { ...param, name: match[1]! } : param);
    parts.push(`encodePathParam(${identifiers.get(match[1]!)}${style ? `, ${JSON.stringify(style)}` : ""})`);
    last = match.index + match[0].length;
  }
  if (last < method.path.length) parts.push(JSON.stringify(method.path.slice(last)));
  return parts.join(" + ") || '""';
}
