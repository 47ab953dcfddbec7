import type { OpenAPI3, ServerObject } from "openapi-typescript";
import { lintResources } from "./lint.js";
import { keptNames } from "./name-lock.js";
import { collectOperations } from "./operations.js";
import { buildResources, type ModelOptions } from "./resources.js";
import { securitySchemes } from "./security.js";
import type { ApiModel } from "./types.js";

export type * from "./types.js";
export type { ModelOptions } from "./resources.js";
export type { MethodOverride, Overrides } from "./overrides.js";
export type { LintFinding } from "./lint.js";
export type { NameLock } from "./name-lock.js";

/** spec → IR: the resource tree with every operation as exactly one named method. */
export function buildModel(document: OpenAPI3, options: ModelOptions = {}): ApiModel {
  const operations = collectOperations(document);
  const { resources, warnings } = buildResources(operations, options);
  // Built again without the lock only to say which names it kept, and why.
  if (options.lock) warnings.push(...keptNames(buildResources(operations, withoutLock(options)).resources, resources));
  const auth = securitySchemes(document, warnings);
  return {
    title: document.info?.title ?? "API",
    version: document.info?.version ?? "",
    baseUrl: options.baseUrl ?? serverUrl(document.servers?.[0]),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    resources,
    auth,
    warnings,
    lint: lintResources(resources),
  };
}

/** The server URL with its `{variables}` replaced by their defaults. */
function serverUrl(server: ServerObject | undefined): string | undefined {
  if (!server?.url) return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}

function withoutLock({ lock: _lock, ...options }: ModelOptions): ModelOptions {
  return options;
}
