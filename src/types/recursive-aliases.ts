import type * as TS from "typescript";
import { ts } from "./libraries.js";

/**
 * A component schema that contains itself outside any object type, e.g. a JSON value
 * (vercel.com `EdgeConfigItemValue: string | number | … | EdgeConfigItemValue[] | null`), is
 * typed by openapi-typescript as `components["schemas"]["X"]` inside X's own property of the
 * `components` interface. TypeScript resolves an indexed access eagerly, so that property is
 * circular (TS2502). A type alias may refer to itself through unions and arrays, so such a schema's
 * type is moved into a (non-exported) alias and the property refers to it:
 *
 *     type Schema_EdgeConfigItemValue = string | … | Schema_EdgeConfigItemValue[] | null;
 *     export interface components { schemas: { EdgeConfigItemValue: Schema_EdgeConfigItemValue; … } }
 *
 * Only self-references reached through unions, intersections, arrays and parentheses count: inside
 * an object type the reference is deferred and works already, and behind a generic (`Record<…>`)
 * an alias would be circular too (TS2456).
 */
export function recursiveSchemasAsAliases(nodes: TS.Node[]): TS.Node[] {
  const index = nodes.findIndex((node) => ts.isInterfaceDeclaration(node) && node.name.text === "components");
  if (index < 0) return nodes;
  const components = nodes[index] as TS.InterfaceDeclaration;
  const schemas = components.members.find((m): m is TS.PropertySignature => ts.isPropertySignature(m) && propertyName(m) === "schemas");
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return nodes;
  const taken = new Set(nodes.flatMap((node) => (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) ? [node.name.text] : [])));
  const aliases: TS.TypeAliasDeclaration[] = [];
  const members = schemas.type.members.map((member) => {
    if (!ts.isPropertySignature(member) || !member.type) return member;
    const name = propertyName(member);
    if (name === undefined || !refersToItself(member.type, name)) return member;
    const alias = uniqueIdentifier(name, taken);
    const self = ts.factory.createTypeReferenceNode(alias);
    aliases.push(ts.factory.createTypeAliasDeclaration(undefined, alias, undefined, replaceSelf(member.type, name, self)));
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, self);
  });
  if (aliases.length === 0) return nodes;
  const newSchemas = ts.factory.updatePropertySignature(schemas, schemas.modifiers, schemas.name, schemas.questionToken, ts.factory.createTypeLiteralNode(members));
  const newComponents = ts.factory.updateInterfaceDeclaration(
    components,
    components.modifiers,
    components.name,
    components.typeParameters,
    components.heritageClauses,
    components.members.map((m) => (m === schemas ? newSchemas : m)),
  );
  return [...nodes.slice(0, index), ...aliases, newComponents, ...nodes.slice(index + 1)];
}

function propertyName(member: TS.PropertySignature): string | undefined {
  return ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isNumericLiteral(member.name) ? member.name.text : undefined;
}

/** `components["schemas"]["<name>"]` */
function isSelfReference(node: TS.Node, name: string): boolean {
  if (!ts.isIndexedAccessTypeNode(node) || !isLiteral(node.indexType, name)) return false;
  const outer = node.objectType;
  return ts.isIndexedAccessTypeNode(outer) && isLiteral(outer.indexType, "schemas") && ts.isTypeReferenceNode(outer.objectType) && ts.isIdentifier(outer.objectType.typeName) && outer.objectType.typeName.text === "components";
}

function isLiteral(node: TS.TypeNode, text: string): boolean {
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) && node.literal.text === text;
}

function refersToItself(node: TS.TypeNode, name: string): boolean {
  if (isSelfReference(node, name)) return true;
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return node.types.some((t) => refersToItself(t, name));
  if (ts.isArrayTypeNode(node)) return refersToItself(node.elementType, name);
  if (ts.isParenthesizedTypeNode(node)) return refersToItself(node.type, name);
  return false;
}

function replaceSelf(type: TS.TypeNode, name: string, self: TS.TypeReferenceNode): TS.TypeNode {
  const result = ts.transform(type, [
    (context) => {
      const visit = (node: TS.Node): TS.Node => (isSelfReference(node, name) ? self : ts.visitEachChild(node, visit, context));
      return (node) => ts.visitNode(node, visit) as TS.TypeNode;
    },
  ]);
  const replaced = result.transformed[0]!;
  result.dispose();
  return replaced;
}

function uniqueIdentifier(name: string, taken: Set<string>): string {
  // Always prefixed: a bare schema name could shadow a global type (`Array`, `Record`, `Blob`).
  const base = `Schema_${name.replace(/[^\w$]+/g, "_")}`;
  let alias = base;
  for (let n = 2; taken.has(alias); n++) alias = `${base}_${n}`;
  taken.add(alias);
  return alias;
}
