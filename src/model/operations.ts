import type { OpenAPI3, OperationObject, ParameterObject, PathItemObject, RequestBodyObject, ResponseObject } from "openapi-typescript";
import { decodeSegment } from "../json-pointer.js";
import type { HttpMethod } from "./types.js";

export const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** One operation of the spec with its `$ref`s resolved: the input of the resource model. */
export interface SpecOperation {
  path: string;
  httpMethod: HttpMethod;
  operation: OperationObject;
  parameters: ParameterObject[];
  requestBody: RequestBodyObject | undefined;
  responses: Array<[status: string, response: ResponseObject]>;
  /** False when the operation explicitly needs no credentials (`security: []` or only `{}`). */
  auth: boolean;
  /** The whole spec, to resolve `$ref`s in schemas, encodings and response shapes (singletons, pagination). */
  document?: OpenAPI3;
}

/** Follows internal `$ref`s (`#/components/...`); the load stage already bundled external ones. */
export function resolveLocal<T>(document: OpenAPI3, value: unknown, depth = 0): T {
  if (!isRef(value) || depth > 32) return value as T;
  const segments = value.$ref.replace(/^#\/?/, "").split("/").filter(Boolean);
  let node: unknown = document;
  for (const raw of segments) {
    const key = decodeSegment(raw);
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return resolveLocal<T>(document, node, depth + 1);
}

function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === "object" && typeof (value as { $ref?: unknown }).$ref === "string";
}

/** Every operation in `paths`, in spec order. Operation-level parameters override path-level ones. */
export function collectOperations(document: OpenAPI3): SpecOperation[] {
  const result: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolveLocal<PathItemObject>(document, rawItem) ?? {};
    const shared = (item.parameters ?? []).map((p) => resolveLocal<ParameterObject>(document, p));
    for (const httpMethod of HTTP_METHODS) {
      const operation = resolveLocal<OperationObject | undefined>(document, item[httpMethod]);
      if (!operation) continue;
      const own = (operation.parameters ?? []).map((p) => resolveLocal<ParameterObject>(document, p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const responses = Object.entries(operation.responses ?? {}).map(
        ([status, response]) => [status, resolveLocal<ResponseObject>(document, response)] as [string, ResponseObject],
      );
      const requestBody = resolveLocal<RequestBodyObject | undefined>(document, operation.requestBody);
      const security = operation.security ?? document.security;
      const auth = security === undefined || security.some((requirement) => Object.keys(requirement).length > 0);
      result.push({ path, httpMethod, operation, parameters, requestBody, responses, auth, document });
    }
  }
  return result;
}
