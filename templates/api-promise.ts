/** What `.withResponse()` gives besides the parsed body. */
export interface ApiResponse<T> {
  data: T;
  response: Response;
  status: number;
  /** True when the status is 201 Created: a `put()` created the resource rather than replacing it. */
  created: boolean;
  headers: Headers;
  /** The `Location` header: for `create()`, the URI the server chose for the new resource. */
  location: string | undefined;
  /** For `create()`: the new resource's id, when `location` is the collection's URL plus one segment. */
  id: string | undefined;
  /** The `ETag` header, for conditional writes (`If-Match`). */
  etag: string | undefined;
  /** Attempts made, 1 when the first one succeeded. */
  attempts: number;
  /** The idempotency key sent with the request, if any. */
  idempotencyKey: string | undefined;
}

/**
 * The promise every method returns: awaiting it gives the parsed body, `.withResponse()` gives
 * the body with the response, status and headers. The request starts when the method is called.
 */
export class ApiPromise<T> implements Promise<T> {
  readonly #result: Promise<ApiResponse<T>>;

  constructor(result: Promise<ApiResponse<T>>) {
    this.#result = result;
  }

  get [Symbol.toStringTag](): string {
    return "ApiPromise";
  }

  withResponse(): Promise<ApiResponse<T>> {
    return this.#result;
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One step, not two: awaiting an ApiPromise costs what awaiting a plain promise does.
    return this.#result.then((result) => (onFulfilled ? onFulfilled(result.data) : (result.data as unknown as A)), onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }
}
