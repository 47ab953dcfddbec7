import type { ApiMethod } from "../model/types.js";
import { htmlToMarkdown } from "../types/html-docs.js";

/**
 * Spec text is untrusted: it goes into generated code only inside TSDoc comments, with every
 * `*​/` broken so that a description cannot close the comment and inject code after it.
 */
export function commentText(text: string): string {
  return htmlToMarkdown(text)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, "")
    .trim();
}

/** The TSDoc of a generated method: summary, description, the HTTP call, and whether it is retried. */
export function methodDoc(method: ApiMethod): string {
  const parts: string[] = [];
  if (method.summary) parts.push(commentText(method.summary));
  if (method.description && method.description.trim() !== method.summary?.trim()) parts.push(commentText(method.description));
  const call = `\`${method.httpMethod.toUpperCase()} ${commentText(method.path).replace(/`/g, "'")}\``;
  parts.push(
    method.retry.safe
      ? `${call}: retried on transient failures (${method.retry.reason}).`
      : `${call}: sent exactly once, never retried automatically (${method.retry.reason}); pass \`idempotencyKey\` to make retries safe.`,
  );
  if (method.deprecated) parts.push("@deprecated");
  return parts.filter(Boolean).join("\n\n");
}
