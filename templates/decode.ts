/** Reading response bodies, bounded: a body over the limit or malformed JSON is a typed failure, never a crash. */

/** Why a 2xx body could not be used; the client turns it into an `InvalidResponseError`. */
export class DecodeFailure extends Error {
  constructor(
    readonly reason: "too-large" | "malformed-json",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

/** Reads a response body by its content type: JSON parsed, text as a string, anything else as a Blob. */
export async function decodeBody(response: Response, method: string, maxBytes = DEFAULT_MAX_RESPONSE_BYTES): Promise<unknown> {
  if (method === "HEAD" || response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get("content-type") ?? "";
  const json = /\bjson\b/i.test(type);
  if (!json && type !== "" && !/^text\//i.test(type)) return new Blob([await readBytes(response, maxBytes)], { type });
  const text = await readText(response, maxBytes);
  if (text === "") return undefined;
  if (!json) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new DecodeFailure("malformed-json", `the response is not valid JSON (${(cause as Error).message}); it starts: ${JSON.stringify(text.slice(0, 120))}`, { cause });
  }
}

/** The body as text, refused past `maxBytes`. */
export async function readText(response: Response, maxBytes: number): Promise<string> {
  const declared = declaredLength(response);
  // Fast path: a declared length within the limit lets the runtime read the body natively.
  if (declared !== undefined && declared <= maxBytes) return response.text();
  return new TextDecoder().decode(await readBytes(response, maxBytes));
}

async function readBytes(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = declaredLength(response);
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(declared, maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total, maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function declaredLength(response: Response): number | undefined {
  const header = response.headers.get("content-length");
  return header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
}

function tooLarge(size: number, maxBytes: number): DecodeFailure {
  return new DecodeFailure("too-large", `the response body exceeds the ${maxBytes}-byte limit (at least ${size} bytes); raise \`maxResponseBytes\` if it is expected`);
}
