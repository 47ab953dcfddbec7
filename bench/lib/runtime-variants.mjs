// TypeScript sources of the runtime-benchmark clients: each exports setup(baseUrl) → pair(id, body),
// one GET and one PUT on /items/{id}, checking that both succeeded and parsing both JSON bodies.

const ITEM = "{ id: string; name: string; tags: string[]; count: number }";

export function variantSource(client, { sdkwright } = {}) {
  switch (client) {
    case "sdkwright":
      // Retries are configured (the default policy, made explicit) but must never fire: onRetry counts them.
      return `import { createClient } from "./sdk/index.js";
let retries = 0;
export const stats = () => ({ retries });
export function setup(baseUrl: string) {
  const api = createClient({
    baseUrl,
    retry: { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000 },
    onRetry: () => { retries++; },
  });
  return async (id: string, body: ${ITEM}) => {
    await api.${sdkwright.get.accessor}.${sdkwright.get.methodName}(id);
    await api.${sdkwright.put.accessor}.${sdkwright.put.methodName}(id, body);
  };
}
`;
    case "openapi-fetch":
      return `import createClient from "openapi-fetch";
import type { paths } from "./sdk/schema.js";
export function setup(baseUrl: string) {
  const client = createClient<paths>({ baseUrl });
  return async (id: string, body: ${ITEM}) => {
    const got = await client.GET("/items/{id}", { params: { path: { id } } });
    if (!got.response.ok) throw new Error("GET " + got.response.status);
    const put = await client.PUT("/items/{id}", { params: { path: { id } }, body });
    if (!put.response.ok) throw new Error("PUT " + put.response.status);
  };
}
`;
    case "oazapfts":
      return `import * as api from "./sdk/api.js";
export function setup(baseUrl: string) {
  api.defaults.baseUrl = baseUrl;
  return async (id: string, body: ${ITEM}) => {
    const got = await api.getItem(id);
    if (got.status !== 200) throw new Error("GET " + got.status);
    const put = await api.putItem(id, body);
    if (put.status !== 200) throw new Error("PUT " + put.status);
  };
}
`;
    case "orval":
      // orval's fetch client has no runtime base URL: it was generated with the spec's server baked in.
      return `import { getItem, putItem } from "./sdk/api.js";
export function setup(_baseUrl: string) {
  return async (id: string, body: ${ITEM}) => {
    const got = await getItem(id);
    if (got.status !== 200) throw new Error("GET " + got.status);
    const put = await putItem(id, body);
    if (put.status !== 200) throw new Error("PUT " + put.status);
  };
}
`;
    case "hey-api":
      return `import { getItem, putItem } from "./sdk/index.js";
import { client } from "./sdk/client.gen.js";
export function setup(baseUrl: string) {
  client.setConfig({ baseUrl });
  return async (id: string, body: ${ITEM}) => {
    const got = await getItem({ path: { id } });
    if (!got.response.ok) throw new Error("GET " + got.response.status);
    const put = await putItem({ path: { id }, body });
    if (!put.response.ok) throw new Error("PUT " + put.response.status);
  };
}
`;
    case "sta":
      return `import { Api } from "./sdk/api.js";
export function setup(baseUrl: string) {
  const api = new Api({ baseUrl });
  return async (id: string, body: ${ITEM}) => {
    await api.items.getItem(id);
    await api.items.putItem(id, body);
  };
}
`;
    default:
      throw new Error(`unknown client ${client}`);
  }
}
