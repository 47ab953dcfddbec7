#!/usr/bin/env node
// Prints the naming (and pagination) tables of docs/resource-model.md for the real specs in
// ../shared/specs, from the built model (run `npm run build` first):
//   node test/model/naming-table.mjs                 every spec, one row each
//   node test/model/naming-table.mjs github-api.json --list operation   that spec's methods of one kind
//   node test/model/naming-table.mjs stripe-api.json --list paginated   its list methods and their schemes
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadSpec } from "../../dist/load/index.js";
import { buildModel } from "../../dist/model/index.js";

const specs = path.resolve(import.meta.dirname, "../../../shared/specs");
if (!existsSync(specs)) {
  console.error(`no specs at ${specs}`);
  process.exit(1);
}
const [only, flag, listKind] = process.argv.slice(2);
const files = readdirSync(specs).filter((f) => /\.(json|ya?ml)$/.test(f) && (!only || f === only)).sort();

function* methods(resources, prefix = "") {
  for (const resource of resources) {
    for (const method of resource.methods) yield { call: `${prefix}${resource.name}.${method.name}`, method };
    yield* methods(resource.children, `${prefix}${resource.name}.`);
  }
}

const rows = [];
const total = { ops: 0, raw: 0, lists: 0, paged: 0 };
for (const file of files) {
  const model = buildModel((await loadSpec(path.join(specs, file))).document);
  const all = [...methods(model.resources)];
  if (flag === "--list") {
    for (const { call, method } of all) {
      if (listKind === "paginated" ? method.pagination || method.role === "collection" && method.httpMethod === "get" : method.kind === listKind) {
        console.log(`${call.padEnd(60)} ${method.httpMethod.toUpperCase().padEnd(6)} ${method.path}  ${method.operationId ?? ""}  ${method.pagination ? JSON.stringify(method.pagination) : ""}`);
      }
    }
    continue;
  }
  const raw = all.filter(({ method }) => method.kind === "operation").length;
  const lists = all.filter(({ method }) => method.httpMethod === "get" && (method.kind === "list" || method.pagination)).length;
  const schemes = {};
  for (const { method } of all) if (method.pagination) schemes[method.pagination.scheme] = (schemes[method.pagination.scheme] ?? 0) + 1;
  const paged = Object.values(schemes).reduce((a, b) => a + b, 0);
  total.ops += all.length;
  total.raw += raw;
  total.lists += lists;
  total.paged += paged;
  const share = all.length ? ((100 * raw) / all.length).toFixed(1) : "0.0";
  const schemeText = Object.entries(schemes).sort().map(([s, n]) => `${s} ${n}`).join(", ") || "—";
  rows.push(`| ${file} | ${all.length} | ${raw} | ${share}% | ${lists} | ${paged} | ${schemeText} |`);
}
if (flag !== "--list") {
  console.log("| spec | methods | from the raw operationId | share | list GETs | paginated | schemes |");
  console.log("|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  console.log(`| **total** | ${total.ops} | ${total.raw} | ${((100 * total.raw) / total.ops).toFixed(1)}% | ${total.lists} | ${total.paged} | |`);
}
