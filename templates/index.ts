export { ApiPromise, type ApiResponse } from "./api-promise.js";
export { encodePathParam } from "./encode.js";
export * from "./errors.js";
export {
  createHttpClient,
  type BaseRequestOptions,
  type ClientConfig,
  type Endpoint,
  type HeaderValues,
  type HttpClient,
  type IdempotentWriteOptions,
  type RequestHookInfo,
  type RequestOptions,
  type ResponseHookInfo,
  type RetryHookInfo,
  type Timers,
  type UnsafeRequestOptions,
} from "./http-client.js";
export { DEFAULT_RETRY, type RetryOptions } from "./retry.js";
