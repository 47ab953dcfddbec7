// The part of an OpenAPI 3 document that request validation reads: every operation's parameters
// and request body, and the components they reach. Responses become a bare 200 and unreachable
// components are dropped. Prism dereferences the whole document before it starts; on Stripe's or
// GitHub's, whose responses pull in the entire, cyclic component graph, that did not finish in 10
// minutes here, while what a request may contain is unchanged by the cut. Swagger 2.0 documents
// are returned as they are (they are small).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export async function requestSide(file) {
  const text = readFileSync(file, "utf8");
  const document = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  if (!document?.openapi) return file;
  const paths = {};
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    const kept = { ...item };
    for (const method of METHODS) {
      if (!item?.[method]) continue;
      const { responses: _responses, callbacks: _callbacks, ...operation } = item[method];
      kept[method] = { ...operation, responses: { 200: { description: "ok" } } };
    }
    paths[route] = kept;
  }
  const reachable = new Map();
  const queue = [paths];
  while (queue.length) {
    const node = queue.pop();
    if (node === null || typeof node !== "object") continue;
    if (typeof node.$ref === "string") {
      const match = /^#\/components\/([^/]+)\/(.+)$/.exec(node.$ref);
      const key = match && `${match[1]}/${match[2]}`;
      if (key && !reachable.has(key)) {
        const name = match[2].replace(/~1/g, "/").replace(/~0/g, "~");
        const target = document.components?.[match[1]]?.[name];
        reachable.set(key, { section: match[1], name, target });
        queue.push(target);
      }
    }
    for (const value of Object.values(node)) if (value && typeof value === "object") queue.push(value);
  }
  const components = {};
  for (const { section, name, target } of reachable.values()) if (target !== undefined) (components[section] ??= {})[name] = target;
  // Only what routing and request validation read: `webhooks` and extensions such as GitHub's
  // `x-webhooks` would point at components that are no longer there.
  const { openapi, info, servers, security } = document;
  return { openapi, info, ...(servers ? { servers } : {}), ...(security ? { security } : {}), paths, components };
}
