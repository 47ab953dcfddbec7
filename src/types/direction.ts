import type { OpenAPI3 } from "openapi-typescript";

/**
 * Types that follow the data's direction (OpenAPI 3.x `readOnly`, `writeOnly`, `default`):
 * - what a client receives (every component schema, inline responses) loses its `writeOnly`
 *   properties; `readOnly` and defaulted properties stay as the schema says (openapi-typescript's
 *   `defaultNonNullable` makes a defaulted property present);
 * - what a client sends (request bodies of every media type) gets, for each component schema whose
 *   write view differs, a named copy `<Name>Writable` in `components.schemas`: `readOnly` properties
 *   removed (an object literal with one is rejected), defaulted properties optional, refs to other
 *   differing schemas pointed at their copies. Inline request body schemas get the same treatment.
 * Named copies instead of mapped types: the type checker pays nothing (no `Readable<T>`/`Writable<T>`
 * instantiated per use) and hovers show plain object types.
 * Returns `document` itself when nothing differs, else a copy that shares every untouched subtree.
 */
export function splitByDirection(document: OpenAPI3): OpenAPI3 {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const bodies = requestBodySchemas(document);
  const writable = writableNames(schemas, differingForWrite(schemas, bodies));
  const readChanged = Object.keys(schemas).filter((name) => isObject(schemas[name]) && hasWriteOnly(schemas[name]!));
  const inlineBodyChanged = bodies.some((body) => writeView(body, writable, true) !== body);
  const responsesChanged = operations(document).some(({ operation }) => responseSchemas(operation).some(hasWriteOnly));
  if (writable.size === 0 && readChanged.length === 0 && !inlineBodyChanged && !responsesChanged) return document;

  const nextSchemas: Record<string, Schema> = { ...schemas };
  for (const name of readChanged) nextSchemas[name] = readView(schemas[name]!);
  for (const [name, copyName] of [...writable].sort(([a], [b]) => (a < b ? -1 : 1))) nextSchemas[copyName] = withImplicitTags(writeView(schemas[name]!, writable, false), name, schemas, writable);
  const components = { ...document.components, schemas: nextSchemas } as NonNullable<OpenAPI3["components"]>;
  const requestBodies = document.components?.requestBodies as Record<string, Node> | undefined;
  if (requestBodies) components.requestBodies = mapValues(requestBodies, (body) => withBodySchemas(body, writable)) as NonNullable<typeof components.requestBodies>;

  const paths: Record<string, Node> = {};
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    const nextItem: Node = { ...(item as Node) };
    for (const method of METHODS) {
      const operation = nextItem[method];
      if (!isObject(operation)) continue;
      const next: Node = { ...operation };
      if (isObject(operation["requestBody"])) next["requestBody"] = withBodySchemas(operation["requestBody"], writable);
      if (isObject(operation["responses"])) next["responses"] = mapValues(operation["responses"], (response) => withContentSchemas(response, readView));
      nextItem[method] = next;
    }
    paths[route] = nextItem;
  }
  if (isObject(document.components?.responses)) components.responses = mapValues(document.components.responses as Node, (response) => withContentSchemas(response, readView)) as NonNullable<typeof components.responses>;
  return { ...document, paths: paths as NonNullable<OpenAPI3["paths"]>, components };
}

/** Marks a property that a write view makes optional; read by `optionalWhenMarked` in ./index.ts. */
export const OPTIONAL_MARK = "x-sdkwright-optional";

type Node = Record<string, unknown>;
type Schema = Node;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENT_REF = "#/components/schemas/";
/** Keywords whose value holds subschemas (arrays or maps of them); values of any other keyword are data. */
const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"];
const SCHEMA_SINGLE = ["items", "additionalProperties", "not", "contains"];

const isObject = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const mapValues = (record: Node, fn: (value: Node) => Node): Node => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, isObject(v) ? fn(v) : v]));
const componentName = (ref: unknown): string | undefined => (typeof ref === "string" && ref.startsWith(COMPONENT_REF) && !ref.slice(COMPONENT_REF.length).includes("/") ? decodeURIComponent(ref.slice(COMPONENT_REF.length).replace(/~1/g, "/").replace(/~0/g, "~")) : undefined);
const componentRef = (name: string) => COMPONENT_REF + encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"));

function operations(document: OpenAPI3): { operation: Node }[] {
  const found: { operation: Node }[] = [];
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Node)[method];
      if (isObject(operation)) found.push({ operation });
    }
  }
  return found;
}

/** The schemas of every request body (inline in operations, and in `components.requestBodies`). */
function requestBodySchemas(document: OpenAPI3): Schema[] {
  const bodies: Node[] = operations(document).flatMap(({ operation }) => (isObject(operation["requestBody"]) ? [operation["requestBody"]] : []));
  bodies.push(...Object.values((document.components?.requestBodies ?? {}) as Node).filter(isObject));
  return bodies.flatMap(contentSchemas);
}

function responseSchemas(operation: Node): Schema[] {
  return isObject(operation["responses"]) ? Object.values(operation["responses"]).filter(isObject).flatMap(contentSchemas) : [];
}

function contentSchemas(holder: Node): Schema[] {
  const content = holder["content"];
  if (!isObject(content)) return [];
  return Object.values(content).flatMap((media) => (isObject(media) && isObject(media["schema"]) ? [media["schema"]] : []));
}

/** `holder` with each media type's schema replaced by `fn(schema)`; the same object when none changed. */
function withContentSchemas(holder: Node, fn: (schema: Schema) => Schema): Node {
  const content = holder["content"];
  if (!isObject(content)) return holder;
  let changed = false;
  const next = mapValues(content, (media) => {
    const schema = media["schema"];
    if (!isObject(schema)) return media;
    const mapped = fn(schema);
    if (mapped === schema) return media;
    changed = true;
    return { ...media, schema: mapped };
  });
  return changed ? { ...holder, content: next } : holder;
}

const withBodySchemas = (body: Node, writable: Map<string, string>) => withContentSchemas(body, (schema) => writeView(schema, writable, true));

/** Each subschema directly below `schema` (not descending into data keywords: `example`, `default`, `enum`...). */
function children(schema: Schema): Schema[] {
  const found: Schema[] = [];
  if (isObject(schema["properties"])) found.push(...Object.values(schema["properties"]).filter(isObject));
  if (isObject(schema["patternProperties"])) found.push(...Object.values(schema["patternProperties"]).filter(isObject));
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) found.push(...(schema[key] as unknown[]).filter(isObject));
  for (const key of SCHEMA_SINGLE) if (isObject(schema[key])) found.push(schema[key]);
  if (Array.isArray(schema["items"])) found.push(...(schema["items"] as unknown[]).filter(isObject));
  return found;
}

function someInTree(schema: Schema, test: (schema: Schema) => boolean, seen = new Set<Schema>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  return test(schema) || children(schema).some((child) => someInTree(child, test, seen));
}

function componentRefs(schema: Schema): Set<string> {
  const names = new Set<string>();
  someInTree(schema, (node) => {
    const name = componentName(node["$ref"]);
    if (name !== undefined) names.add(name);
    return false;
  });
  return names;
}

const isReadOnly = (property: unknown) => isObject(property) && property["readOnly"] === true && property["writeOnly"] !== true;
const isWriteOnly = (property: unknown) => isObject(property) && property["writeOnly"] === true && property["readOnly"] !== true;
const properties = (schema: Schema): [string, unknown][] => (isObject(schema["properties"]) ? Object.entries(schema["properties"]) : []);
const required = (schema: Schema): unknown[] => (Array.isArray(schema["required"]) ? schema["required"] : []);
/** A defaulted property that openapi-typescript's `defaultNonNullable` makes required outside request bodies. */
const isDefaultedOptional = (schema: Schema, name: string, property: unknown) => isObject(property) && property["default"] !== undefined && !required(schema).includes(name);

const hasWriteOnly = (schema: Schema) => someInTree(schema, (node) => properties(node).some(([, property]) => isWriteOnly(property)));
const differsOwn = (schema: Schema) =>
  someInTree(schema, (node) => properties(node).some(([name, property]) => isReadOnly(property) || isWriteOnly(property) || isDefaultedOptional(node, name, property)));

/** The component schemas reachable from a request body whose write view differs from the read view (themselves, or through a ref). */
function differingForWrite(schemas: Record<string, Schema>, bodies: Schema[]): Set<string> {
  const reachable = new Map<string, Set<string>>();
  const queue = bodies.flatMap((body) => [...componentRefs(body)]);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reachable.has(name) || !isObject(schemas[name])) continue;
    const refs = componentRefs(schemas[name]);
    reachable.set(name, refs);
    queue.push(...refs);
  }
  const differing = new Set([...reachable.keys()].filter((name) => differsOwn(schemas[name]!)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, refs] of reachable) {
      if (!differing.has(name) && [...refs].some((ref) => differing.has(ref))) {
        differing.add(name);
        grew = true;
      }
      // A differing variant's discriminated parent needs a copy too, to carry the variant's tag (see withImplicitTags).
      for (const parent of differing.has(name) ? discriminatedParents(schemas, name) : []) {
        if (!differing.has(parent)) {
          differing.add(parent);
          grew = true;
        }
      }
    }
  }
  return differing;
}

/** The components that `name` extends through `allOf` and that carry a discriminator. */
function discriminatedParents(schemas: Record<string, Schema>, name: string): string[] {
  const allOf = schemas[name]?.["allOf"];
  if (!Array.isArray(allOf)) return [];
  return allOf.map((member) => componentName(isObject(member) ? member["$ref"] : undefined)).filter((parent): parent is string => parent !== undefined && isObject(schemas[parent]?.["discriminator"]));
}

/**
 * openapi-typescript tags a variant that is not in its parent's mapping with its own schema name:
 * `CatWritable` would be tagged "CatWritable". The parent's copy maps the original name to the copy.
 */
function withImplicitTags(copy: Schema, name: string, schemas: Record<string, Schema>, writable: Map<string, string>): Schema {
  const discriminator = copy["discriminator"];
  if (!isObject(discriminator)) return copy;
  const mapping: Node = { ...(isObject(discriminator["mapping"]) ? discriminator["mapping"] : {}) };
  const mapped = new Set(Object.values(mapping).map(componentName));
  for (const [child, childCopy] of writable) {
    if (mapped.has(child) || mapped.has(childCopy) || !discriminatedParents(schemas, child).includes(name)) continue;
    mapping[child] = componentRef(childCopy);
  }
  copy["discriminator"] = { ...discriminator, mapping };
  return copy;
}

/** `Pet` → `PetWritable` (hey-api's naming), made unique against every existing component name. */
function writableNames(schemas: Record<string, Schema>, differing: Set<string>): Map<string, string> {
  const taken = new Set(Object.keys(schemas));
  const names = new Map<string, string>();
  for (const name of [...differing].sort()) {
    let candidate = `${name}Writable`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}Writable${n}`;
    taken.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

/** A copy of `schema` without its `writeOnly` properties (the same object when it has none). */
function readView(schema: Schema): Schema {
  return hasWriteOnly(schema) ? rewriteTree(structuredClone(schema), (node) => dropProperties(node, isWriteOnly)) : schema;
}

/**
 * The write view: `readOnly` properties dropped, defaulted ones marked optional, refs to differing
 * components pointed at their `Writable` copies. `inline` (a request body's own schema): returns
 * `schema` itself when nothing changes (openapi-typescript already makes its own defaults optional).
 */
function writeView(schema: Schema, writable: Map<string, string>, inline: boolean): Schema {
  const changes = (node: Schema) => properties(node).some(([, property]) => isReadOnly(property)) || (writable.has(componentName(node["$ref"]) ?? "") as boolean);
  if (inline && !someInTree(schema, changes)) return schema;
  return rewriteTree(structuredClone(schema), (node) => {
    dropProperties(node, isReadOnly);
    for (const [name, property] of properties(node)) if (isDefaultedOptional(node, name, property)) (property as Node)[OPTIONAL_MARK] = true;
    const target = writable.get(componentName(node["$ref"]) ?? "");
    if (target !== undefined) node["$ref"] = componentRef(target);
    pointMappingAtCopies(node, writable);
  });
}

/** A discriminator's mapping follows the refs to the copies, so the union keeps its tags. */
function pointMappingAtCopies(node: Schema, writable: Map<string, string>): void {
  const discriminator = node["discriminator"];
  if (!isObject(discriminator) || !isObject(discriminator["mapping"])) return;
  const mapping = discriminator["mapping"] as Record<string, unknown>;
  for (const [tag, ref] of Object.entries(mapping)) {
    const target = writable.get(componentName(ref) ?? "");
    if (target !== undefined) mapping[tag] = componentRef(target);
  }
}

function dropProperties(node: Schema, drop: (property: unknown) => boolean): void {
  const dropped = properties(node).filter(([, property]) => drop(property)).map(([name]) => name);
  if (dropped.length === 0) return;
  const kept = { ...(node["properties"] as Node) };
  for (const name of dropped) delete kept[name];
  node["properties"] = kept;
  if (Array.isArray(node["required"])) node["required"] = (node["required"] as unknown[]).filter((name) => !dropped.includes(name as string));
  if (Object.keys(kept).length === 0 && children(node).length === 0) emptied.add(node);
}

/** Objects whose every property a view dropped: as an `allOf` member they would read `Record<string, never>`, which no value satisfies. */
const emptied = new WeakSet<Schema>();

function dropEmptiedAllOfMembers(node: Schema): void {
  if (!Array.isArray(node["allOf"])) return;
  const members = (node["allOf"] as unknown[]).filter((member) => !(isObject(member) && emptied.has(member)));
  node["allOf"] = members.length > 0 ? members : [{}];
}

/** Applies `fix` to every subschema of a tree the caller owns (a fresh clone), parents first. */
function rewriteTree(schema: Schema, fix: (node: Schema) => void): Schema {
  fix(schema);
  for (const child of children(schema)) rewriteTree(child, fix);
  dropEmptiedAllOfMembers(schema);
  return schema;
}
