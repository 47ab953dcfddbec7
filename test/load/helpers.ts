import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { SdkwrightError } from "../../src/errors.js";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/load");
export const fixture = (...parts: string[]): string => path.join(FIXTURES, ...parts);

/** Awaits a promise that must reject with an SdkwrightError, and returns the error. */
export async function sdkError(promise: Promise<unknown>): Promise<SdkwrightError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected loadSpec to fail").toBeInstanceOf(SdkwrightError);
  return error as SdkwrightError;
}

/** Every `$ref` value anywhere in the document. */
export function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Number of operations under `paths` (works for Swagger 2.0 and OpenAPI 3). */
export function countOperations(document: unknown): number {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  let count = 0;
  for (const item of Object.values(paths)) for (const method of METHODS) if (item[method] !== undefined) count++;
  return count;
}
