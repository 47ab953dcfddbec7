import type { ApiMethod, ApiModel, Resource } from "../model/types.js";
import type { GeneratedFile } from "./index.js";

/** The per-method retry table's own file, for APIs too big to list every method in the README. */
export const RETRY_TABLE_FILE = "RETRIES.md";

/** Up to this many methods the table stays in the README (petstore-sized APIs); beyond, it moves to RETRIES.md. */
const INLINE_METHODS = 50;

export function methodRows(resources: Resource[], prefix = ""): Array<{ call: string; method: ApiMethod }> {
  return resources.flatMap((resource) => {
    const here = `${prefix}${resource.name}`;
    return [...resource.methods.map((method) => ({ call: `${here}.${method.name}`, method })), ...methodRows(resource.children, `${here}.`)];
  });
}

/** The method's policy in this client: the config's `retry.methods` narrows the default, never widens it. */
export function retryPolicy(model: ApiModel, method: ApiMethod): { safe: boolean; reason: string } {
  const methods = model.retry ? model.retry.methods : undefined;
  if (method.retry.safe && methods !== undefined && !methods.includes(method.httpMethod.toUpperCase())) {
    return { safe: false, reason: `${method.retry.reason}, but not in this client's \`retry.methods\`` };
  }
  return method.retry;
}

function table(model: ApiModel): string[] {
  return [
    "| method | HTTP | path | retried | why |",
    "|---|---|---|---|---|",
    ...methodRows(model.resources).map(({ call, method: m }) => {
      const policy = retryPolicy(model, m);
      return `| \`${call}()\` | ${m.httpMethod.toUpperCase()} | ${cell(m.path)} | ${policy.safe ? "yes" : "no"} | ${policy.reason} |`;
    }),
    "",
  ];
}

/** The table for the README, or undefined when it goes to its own file. */
export function retryTableInline(model: ApiModel): string[] | undefined {
  return methodRows(model.resources).length <= INLINE_METHODS ? table(model) : undefined;
}

/** RETRIES.md, for big APIs only. */
export function sdkRetryTable(model: ApiModel): GeneratedFile | undefined {
  if (retryTableInline(model)) return undefined;
  const content = [`# ${inline(model.title)} SDK: retry policy of every method`, "", "See README.md for the rules; this lists where each applies.", "", ...table(model)].join("\n");
  return { path: RETRY_TABLE_FILE, content };
}

/** Spec text in a table cell: pipes escaped, line breaks flattened, inside a code span that cannot be closed early. */
export function cell(text: string): string {
  return "`` " + text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/\|/g, "\\|").replace(/`/g, "'") + " ``";
}

/** Spec text in running Markdown or a code comment: one line, no backticks or angle brackets. */
export function inline(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[`<>]/g, "'").replace(/\*\//g, "*\\/");
}
