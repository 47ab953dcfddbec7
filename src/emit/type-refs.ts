import type { ApiMethod, MediaChoice, PathParam } from "../model/types.js";

/**
 * Type expressions that index into openapi-typescript's `paths` interface. The generator
 * already knows which status codes and media types exist, so it writes the exact indexed
 * access instead of a conditional type: cheaper for tsc and readable on hover.
 */
const key = (text: string) => `[${JSON.stringify(text)}]`;

export function operationType(method: ApiMethod): string {
  return `paths${key(method.path)}${key(method.httpMethod)}`;
}

export function pathParamType(method: ApiMethod, param: PathParam): string {
  if (param.type) return param.type;
  // Path parameters are always required; a nullable schema must not make `null` an accepted argument.
  return param.declared ? `NonNullable<${operationType(method)}["parameters"]["path"]${key(param.name)}>` : "string | number";
}

export function queryType(method: ApiMethod): string {
  return `NonNullable<${operationType(method)}["parameters"]["query"]>`;
}

export function cookiesType(method: ApiMethod): string {
  return `NonNullable<${operationType(method)}["parameters"]["cookie"]>`;
}

export function headersType(method: ApiMethod): string {
  const headers = `NonNullable<${operationType(method)}["parameters"]["header"]>`;
  if (!method.idempotencyHeader) return headers;
  // The client makes the idempotency key itself, so the caller never has to pass it.
  const name = JSON.stringify(method.idempotencyHeader);
  return `Omit<${headers}, ${name}> & { ${name}?: string }`;
}

export function bodyType(method: ApiMethod, media: MediaChoice = method.body!.media): string {
  if (media.format === "binary") return "Blob | ArrayBuffer | Uint8Array | string";
  return `NonNullable<${operationType(method)}["requestBody"]>["content"]${key(media.contentType)}`;
}

/** The parsed 2xx body: a union over the success responses, `void` when none has content. */
export function responseType(method: ApiMethod): string {
  if (method.responses.length === 0) return "unknown";
  const variants = method.responses.map(({ status, media }) => {
    if (!media) return "undefined";
    // The runtime hands non-JSON, non-text bodies over as a Blob, whatever the schema says.
    if (media.format === "binary") return "Blob";
    if (media.format === "event-stream") return "AsyncIterable<ServerSentEvent>";
    return `${operationType(method)}["responses"]${key(status)}["content"]${key(media.contentType)}`;
  });
  const unique = [...new Set(variants)];
  if (unique.every((variant) => variant === "undefined")) return "void";
  return unique.join(" | ");
}
