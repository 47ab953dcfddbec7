import type { OpenAPI3 } from "openapi-typescript";
import { rewriteMatching } from "./rewrite.js";

/**
 * Descriptions written in HTML (Stripe's: `<p>`, `<code>`, `<a href>`) read as Markdown in TSDoc,
 * which editors render. Only these tags are converted; any other `<word>` stays as written (Stripe's
 * `/v1/<currency>` is text, not a tag). The result is still untrusted text: every comment writer
 * (openapi-typescript's, ../emit/docs.ts) breaks `*​/` after this.
 */
const KNOWN_TAG = /<\/?(?:p|br|code|a|strong|b|em|i|ul|ol|li|pre)\b[^<>]*>/i;

export function htmlToMarkdown(text: string): string {
  if (!KNOWN_TAG.test(text)) return text;
  return text
    .replace(/<a\b[^<>]*?\bhref\s*=\s*(["'])([^"'<>]*)\1[^<>]*>([^<]*(?:<(?!\/a>)[^<]*)*)<\/a>/gi, (_, _q, href: string, label: string) => `[${label}](${href})`)
    .replace(/<\/?(?:strong|b)\s*>/gi, "**")
    .replace(/<\/?(?:em|i)\s*>/gi, "_")
    .replace(/<\/?code\s*>/gi, "`")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li\b[^<>]*>/gi, "\n- ")
    .replace(/<\/li\s*>|<\/?a\b[^<>]*>/gi, "")
    .replace(/<\/?(?:p|ul|ol|pre)\b[^<>]*>/gi, "\n\n")
    .replace(/&(lt|gt|quot|apos|#39|nbsp|amp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", nbsp: " ", amp: "&" };

export const hasHtmlDescription = (node: Record<string, unknown>): boolean => typeof node["description"] === "string" && KNOWN_TAG.test(node["description"]);

/** A copy of the document with its HTML descriptions in Markdown (the document itself when it has none). */
export function descriptionsAsMarkdown(document: OpenAPI3): OpenAPI3 {
  return rewriteMatching(document, hasHtmlDescription, (node) => {
    node["description"] = htmlToMarkdown(node["description"] as string);
  });
}
