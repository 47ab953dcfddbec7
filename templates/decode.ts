/** Reading response bodies, bounded: a body over the limit or malformed JSON is a typed failure, never a crash. */

/** Why a 2xx body could not be used; the client turns it into an `InvalidResponseError`. */
export class DecodeFailure extends Error {
  declare readonly reason: "too-large" | "malformed-json";

  constructor(reason: "too-large" | "malformed-json", message: string, options?: { cause?: unknown }) {
    super(message);
    setCause(this, options);
    this.reason = reason;
  }
}

/** `new Error(message, { cause })` without lib ES2022 (`lib: ["ES2020", "DOM"]` has no ErrorOptions): the same own, non-enumerable property. */
export function setCause(error: Error, options: { cause?: unknown } | undefined): void {
  if (options && "cause" in options) Object.defineProperty(error, "cause", { value: options.cause, writable: true, configurable: true });
}

export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/**
 * The attempt a body is read in. Its timer and the caller's signal cancel `reader`, so a read
 * that is under way ends even where `fetch` does not fail it on abort; `reason` says why it ended.
 */
export interface BodyRead {
  reader?: ReadableStreamDefaultReader<Uint8Array> | undefined;
  aborted: boolean;
  reason?: unknown;
}

/** Reads a response body by its content type: JSON parsed, text as a string, anything else as a Blob. */
export async function decodeBody(response: Response, method: string, maxBytes = DEFAULT_MAX_RESPONSE_BYTES, read?: BodyRead): Promise<unknown> {
  if (method === "HEAD" || response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get("content-type") ?? "";
  const json = /\bjson\b/i.test(type);
  const bytes = await readBytes(response, maxBytes, read);
  if (!json && type !== "" && !/^text\//i.test(type)) return new Blob([bytes], { type });
  const text = utf8(bytes);
  if (text === "" || !json) return text || undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DecodeFailure("malformed-json", `the response is not valid JSON (${(cause as Error).message}); it starts: ${JSON.stringify(text.slice(0, 120))}`, { cause });
  }
}

/** An error response's body for the error object: at most `maxBytes` of it, parsed if it is JSON; undefined if the attempt was aborted. */
export async function errorBody(response: Response, maxBytes: number, read?: BodyRead): Promise<unknown> {
  let text = "";
  try {
    text = utf8(await readBytes(response, maxBytes, read));
    if (/\bjson\b/i.test(response.headers.get("content-type") ?? "")) return JSON.parse(text);
  } catch {
    if (read?.aborted) return undefined;
  }
  return text;
}

// Typed by its one method: with lib ES2022 and @types/node (no DOM), `TextDecoder` is a value, not a type.
let decoder: { decode(bytes: Uint8Array): string } | undefined;

function utf8(bytes: Uint8Array): string {
  return (decoder ??= new TextDecoder()).decode(bytes);
}

/** `Uint8Array<ArrayBuffer>` (what `Blob` and `Response` accept) from TypeScript 5.7, where typed arrays became generic; plain `Uint8Array` before. */
type Bytes = ReturnType<Uint8Array["slice"]>;

/** The body's bytes, refused past `maxBytes` (by Content-Length up front, else while reading). */
async function readBytes(response: Response, maxBytes: number, read?: BodyRead): Promise<Bytes> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(declared, maxBytes);
  }
  const chunks: Bytes[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    if (read) read.reader = reader;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(total, maxBytes);
      }
      chunks.push(value as Bytes);
    }
    // A read cancelled by the attempt's timer or the caller's signal ends early: fail, do not parse half a body.
    if (read?.aborted) throw read.reason;
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  total = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, total);
    total += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(size: number, maxBytes: number): DecodeFailure {
  return new DecodeFailure("too-large", `the response body exceeds the ${maxBytes}-byte limit (at least ${size} bytes); raise \`maxResponseBytes\` if it is expected`);
}
