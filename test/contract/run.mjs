// `npm run contract`: every operation of every spec in ../shared/specs (where Prism loads it) and
// of the fixtures, called through the generated SDK against Prism; results per spec in
// .cache/contract/<spec>.json, the report in docs/contract.md. `--only <substring>` runs some
// specs (the report then still covers every spec with a cached result).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { explain } from "./causes.mjs";
import { renderReport } from "./report.mjs";
import { runContract } from "./contract.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = path.resolve(root, "../shared/specs");
const cache = path.join(root, ".cache/contract");
mkdirSync(cache, { recursive: true });

export function contractSpecs() {
  const fixtures = [
    ...readdirSync(path.join(root, "fixtures/contract")).map((f) => `fixtures/contract/${f}`),
    ...readdirSync(path.join(root, "fixtures/prism")).map((f) => `fixtures/prism/${f}`),
    "fixtures/petstore/openapi.yaml",
    "fixtures/petstore-expanded/openapi.yaml",
  ];
  const real = existsSync(shared) ? readdirSync(shared).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => path.join(shared, f)) : [];
  return [...fixtures.map((f) => path.join(root, f)), ...real.sort()];
}

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
for (const spec of contractSpecs()) {
  const name = path.relative(root, spec).replace(/^\.\.\/shared\/specs\//, "shared/");
  if (only && !name.includes(only)) continue;
  const started = performance.now();
  process.stdout.write(`${name}: `);
  let record;
  try {
    const run = await runContract(spec);
    const results = run.results.map((r) => (r.outcome === "accepted" ? r : { ...r, ...explain(r) }));
    record = { name, operations: run.operations, prismOperations: run.prismOperations, prismLoadMs: run.loadMs, results };
  } catch (error) {
    record = { name, error: String(error?.message ?? error).split("\n")[0] };
  }
  record.seconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(path.join(cache, `${name.replace(/[/\\]/g, "_")}.json`), JSON.stringify(record, null, 1));
  const counts = {};
  for (const r of record.results ?? []) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  console.log(record.error ?? JSON.stringify(counts), `${record.seconds} s`);
}

const records = readdirSync(cache).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(cache, f), "utf8")));
writeFileSync(path.join(root, "docs/contract.md"), renderReport(records));
console.log("wrote docs/contract.md");
