export { ApiPromise, type ApiResponse } from "./api-promise.js";
export type { AuthConfig, BasicCredential, Credential, SecurityScheme } from "./auth.js";
export { encodePathParam } from "./encode.js";
export * from "./errors.js";
export { createHttpClient, type HttpClient } from "./http-client.js";
export type {
  BaseRequestOptions,
  ClientConfig,
  Endpoint,
  HeaderValues,
  IdempotentWriteOptions,
  RequestHookInfo,
  RequestOptions,
  ResponseHookInfo,
  RetryHookInfo,
  Timers,
  UnsafeRequestOptions,
} from "./config.js";
export { linkNext, PagePromise, paginate, type Page, type PageItem, type PageOptions, type Pagination, type PaginationProgress } from "./paginate.js";
export { DEFAULT_RETRY, type RetryMethod, type RetryOptions } from "./retry.js";
export { readEventStream, type ServerSentEvent } from "./sse.js";
