import type { OpenAPI3, ServerObject } from "openapi-typescript";
import { collectOperations } from "./operations.js";
import { buildResources } from "./resources.js";
import type { ApiModel } from "./types.js";

export type * from "./types.js";

/** spec → IR: the resource tree with every operation as exactly one named method. */
export function buildModel(document: OpenAPI3): ApiModel {
  const { resources, warnings } = buildResources(collectOperations(document));
  return {
    title: document.info?.title ?? "API",
    version: document.info?.version ?? "",
    baseUrl: serverUrl(document.servers?.[0]),
    resources,
    warnings,
  };
}

/** The server URL with its `{variables}` replaced by their defaults. */
function serverUrl(server: ServerObject | undefined): string | undefined {
  if (!server?.url) return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => server.variables?.[name]?.default ?? whole);
}
