// Times sdkwright's pipeline phase by phase on one spec (its own process, one mode per process so
// each starts cold):
//   SDKWRIGHT_HOME=<dir with dist/> node bench/lib/phases.mjs generate <spec> <outDir>
//     → the public generate() API, split at its onProgress stage callbacks (load, model, types, emit, write)
//   SDKWRIGHT_HOME=<dir> node bench/lib/phases.mjs load <spec>
//     → the load stage split into read+parse, validate (Redocly lint), bundle, via dist/load internals
// Prints JSON. When an API or internal module is missing, says so instead of failing.
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [mode, spec, out] = process.argv.slice(2);
const HOME = process.env.SDKWRIGHT_HOME ?? path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const dist = (p) => pathToFileURL(path.join(HOME, "dist", p)).href;

// performance.now() counts from process start: what ran before this line is node's own startup.
const phases = [{ name: "node startup", ms: performance.now() }];
let last = performance.now();
let current;
const mark = (next) => {
  const now = performance.now();
  const mem = process.memoryUsage();
  if (current !== undefined) phases.push({ name: current, ms: now - last, rssMB: mem.rss / 2 ** 20, heapMB: mem.heapUsed / 2 ** 20 });
  current = next;
  last = now;
};

if (mode === "generate") {
  mark("import dist/index.js (ts-morph, typescript, redocly, openapi-typescript, ...)");
  const { generate } = await import(dist("index.js"));
  mark("generate(): before its first stage");
  let stages = 0;
  const result = await generate({
    input: spec,
    out,
    onProgress: (stage) => {
      stages++;
      mark(stage);
    },
  });
  mark(undefined);
  const bytes = result.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const schema = result.files.find((f) => f.path === "schema.ts");
  process.stdout.write(
    JSON.stringify({ mode, phases, totalMs: performance.now(), progressStages: stages, files: result.files.length, bytes, schemaBytes: schema ? Buffer.byteLength(schema.content) : undefined, warnings: result.warnings.length }),
  );
} else if (mode === "load") {
  mark("import load modules");
  const read = await import(dist("load/read.js"));
  const validate = await import(dist("load/validate.js"));
  const swagger2 = await import(dist("load/swagger2.js"));
  const { BaseResolver } = createRequire(path.join(HOME, "package.json"))("@redocly/openapi-core");
  mark("load: read + parse");
  const source = read.resolveInput(spec, process.cwd());
  const resolver = new BaseResolver();
  const root = await read.readRootDocument(source, resolver);
  if (swagger2.isSwagger2(root.parsed)) throw new Error("phases.mjs load mode times OpenAPI 3 specs only");
  mark("load: validate (Redocly lint + a location for each warning)");
  const warnings = await validate.validateDocument(root, resolver, {});
  mark("load: bundle");
  await validate.bundleDocument(root, {});
  mark(undefined);
  process.stdout.write(JSON.stringify({ mode, phases, totalMs: performance.now(), warnings: warnings.length }));
} else {
  throw new Error(`usage: phases.mjs generate|load <spec> [outDir]`);
}
