import type { OpenAPI3, scanDiscriminators } from "openapi-typescript";
import { decodeSegment } from "../json-pointer.js";

type Discriminators = ReturnType<typeof scanDiscriminators>;

/**
 * A schema that extends a discriminated base (`allOf: [{ $ref: Base }]`, Base with
 * `discriminator.propertyName: class`) and is not in the base's mapping gets the discriminator
 * injected by openapi-typescript as a required `class: "<Name>"`. When the schema also declares
 * `class` itself (apple.com sirikit-cloud-media), the object type has `class` twice: TS2300,
 * TS2687, TS2717. The schema's own declaration is dropped from a copy wherever openapi-typescript
 * injects one (same conditions as its `transformSchemaObject`); the injected literal stays.
 * `discriminators` is `scanDiscriminators(document)`; its keys are pointers, valid in the copy too.
 */
export function dropShadowedDiscriminators(document: OpenAPI3, discriminators: Discriminators): OpenAPI3 {
  const handled = new Set(discriminators.refsHandled);
  const shadowed = Object.entries(discriminators.objects).filter(([pointer, { propertyName }]) => {
    const schema = injectedInto(document, pointer, handled);
    return schema !== undefined && Object.hasOwn(schema.properties ?? {}, propertyName);
  });
  if (shadowed.length === 0) return document;
  const copy = structuredClone(document);
  for (const [pointer, { propertyName }] of shadowed) {
    const schema = injectedInto(copy, pointer, handled)!;
    delete schema.properties![propertyName];
  }
  return copy;
}

interface Composed {
  allOf?: unknown;
  anyOf?: unknown;
  discriminator?: unknown;
  properties?: Record<string, unknown>;
}

/** The schema at `pointer` if openapi-typescript will add the discriminator property to it. */
function injectedInto(document: OpenAPI3, pointer: string, handled: Set<string>): Composed | undefined {
  if (handled.has(pointer)) return undefined;
  let node: unknown = document;
  for (const segment of pointer.slice(2).split("/")) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[decodeSegment(segment)] : undefined;
  }
  if (node === null || typeof node !== "object") return undefined;
  const schema = node as Composed;
  return !schema.discriminator && (schema.allOf || schema.anyOf) ? schema : undefined;
}
