#!/usr/bin/env node
// sdkwright benchmarks against its peers. One command does everything:
//
//   node bench/run.mjs            full run (~20 min on 2 cores), writes docs/benchmarks.md + docs/benchmarks-generation.svg
//   node bench/run.mjs --quick    smoke run: petstore + twilio, 1 run each, small N; writes bench/.work/benchmarks-quick.md
//
// Options: --stages gen,scale,tsc,runtime,bundle,profile (default all) · --no-install · --no-build
//          --out FILE (report path) · --pairs N (runtime pairs per SDK, default 2000)
//          --wait-minutes N (wait up to N min, default 3, for load < 0.7 before measuring) · --no-wait
//          --render-only (rewrite the report from bench/.work/results.json without measuring)
//
// It installs the peers from bench/package-lock.json (npm ci) into bench/node_modules, builds
// sdkwright (npm run build in the repo root), reads the specs in place from ../shared/specs,
// generates the synthetic ones into bench/.work/, and keeps every scratch file under bench/.work/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { capture, run, timed } from "./lib/proc.mjs";
import { BENCH, CLIENTS, CONSUMERS, GENERATORS, ROOT, SDKWRIGHT, TSC, bin, consumerSource, pkgVersion, sdkwrightCall, writeFile } from "./lib/tools.mjs";
import { runtimeSpec, synthSpec } from "./lib/synth.mjs";
import { variantSource } from "./lib/runtime-variants.mjs";
import { summariseProfile } from "./lib/cpuprofile.mjs";
import { renderReport } from "./lib/report.mjs";

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const QUICK = flag("quick");
const STAGES = new Set(option("stages", "gen,scale,tsc,runtime,bundle,profile").split(","));
const PAIRS = Number(option("pairs", QUICK ? 200 : 2000));
const WORK = path.join(BENCH, ".work");
const SPECS_DIR = process.env.SDKWRIGHT_SPECS ?? path.resolve(ROOT, "../shared/specs");
const REPORT = path.resolve(option("out", QUICK ? path.join(WORK, "benchmarks-quick.md") : path.join(ROOT, "docs/benchmarks.md")));
const CHART = REPORT.replace(/\.md$/, "-generation.svg");
const node = process.execPath;
const began = Date.now();

const log = (...parts) => console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s]`, ...parts);
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------- specs
/** The one operation each consumer calls, per spec. */
const SPECS = [
  {
    id: "petstore",
    label: "petstore-expanded",
    file: path.join(SPECS_DIR, "oai-petstore-expanded.yaml"),
    runs: 5,
    timeoutS: 120,
    call: { method: "get", path: "/pets/{id}", pathParams: { id: 1 }, operationId: "findPetById", baseUrl: "https://petstore.swagger.io/v2" },
  },
  {
    id: "twilio",
    label: "Twilio API v2010",
    file: path.join(SPECS_DIR, "twilio-api-v2010.json"),
    runs: 5,
    timeoutS: 180,
    call: { method: "get", path: "/2010-04-01/Accounts/{Sid}.json", pathParams: { Sid: "AC00000000000000000000000000000000" }, operationId: "fetchAccount", baseUrl: "https://api.twilio.com" },
  },
  {
    id: "stripe",
    label: "Stripe",
    file: path.join(SPECS_DIR, "stripe-api.json"),
    runs: 3,
    timeoutS: 240,
    call: { method: "get", path: "/v1/customers/{customer}", pathParams: { customer: "cus_123" }, operationId: "getCustomersCustomer", baseUrl: "https://api.stripe.com" },
  },
  {
    id: "github",
    label: "GitHub REST",
    file: path.join(SPECS_DIR, "github-api.json"),
    runs: 3,
    timeoutS: 240,
    call: { method: "get", path: "/repos/{owner}/{repo}", pathParams: { owner: "o", repo: "r" }, operationId: "reposGet", baseUrl: "https://api.github.com" },
  },
  {
    id: "synthetic-10k",
    label: "synthetic 10k",
    file: path.join(WORK, "specs/synthetic-10000.json"),
    synthetic: 10_000,
    runs: 3,
    timeoutS: 120,
  },
];
const SCALE_SIZES = [1250, 2500, 5000];
const GEN_SPECS = QUICK ? SPECS.filter((s) => s.id === "petstore" || s.id === "twilio") : SPECS;
for (const s of GEN_SPECS) if (QUICK) s.runs = 1;
const TSC_SPECS = QUICK ? ["petstore", "twilio"] : ["github", "petstore", "twilio", "stripe"];
const TSC_RUNS = (spec) => (QUICK ? 1 : spec === "github" ? 3 : 1);
const BUNDLE_SPECS = QUICK ? ["petstore", "twilio"] : ["petstore", "twilio", "stripe", "github"];
const PROFILE_SPEC = QUICK ? "twilio" : "github";

function countOperations(document) {
  let n = 0;
  for (const item of Object.values(document.paths ?? {})) {
    for (const m of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) if (item?.[m]) n++;
  }
  return n;
}

function readSpec(file) {
  const text = readFileSync(file, "utf8");
  if (/\.ya?ml$/.test(file)) {
    const { parse } = createRequire(path.join(BENCH, "package.json"))("yaml");
    return parse(text);
  }
  return JSON.parse(text);
}

// ---------------------------------------------------------------- results
const results = {
  meta: {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cores: os.cpus().length,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      distro: existsSync("/etc/os-release") ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "") : "",
    },
    node: process.version,
    versions: {},
    load: [],
    stages: {},
  },
  specs: [],
  gen: {},
  scale: [],
  tsc: {},
  runtime: undefined,
  bundle: {},
  profile: undefined,
};
const noteLoad = (when) => results.meta.load.push({ when, loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100) });

// ---------------------------------------------------------------- setup
async function setup() {
  if (!flag("no-install")) {
    const stamp = path.join(BENCH, "node_modules/.package-lock.json");
    if (!existsSync(stamp) || statSync(stamp).mtimeMs < statSync(path.join(BENCH, "package-lock.json")).mtimeMs) {
      log("installing the peers: npm ci in bench/");
      const r = await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: BENCH, timeoutMs: 600_000, log: path.join(WORK, "logs/npm-ci.log") });
      if (!r.ok) throw new Error(`npm ci in bench/ failed: see ${path.join(WORK, "logs/npm-ci.log")}`);
    }
  }
  if (!flag("no-build")) {
    if (!existsSync(path.join(ROOT, "node_modules"))) {
      log("installing sdkwright's dependencies: npm ci");
      const r = await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: ROOT, timeoutMs: 600_000, log: path.join(WORK, "logs/npm-ci-root.log") });
      if (!r.ok) throw new Error("npm ci in the repo root failed");
    }
    log("building sdkwright: npm run build");
    const r = await run("npm", ["run", "build"], { cwd: ROOT, timeoutMs: 300_000, log: path.join(WORK, "logs/build.log") });
    if (!r.ok) {
      if (!existsSync(path.join(ROOT, "dist/cli.js"))) throw new Error(`npm run build failed: see ${path.join(WORK, "logs/build.log")}`);
      log(`npm run build failed (see bench/.work/logs/build.log): measuring the existing dist/ instead`);
      results.meta.buildFailed = true;
    }
  }
  if (!existsSync(path.join(ROOT, "dist/cli.js"))) throw new Error("dist/cli.js is missing: build sdkwright first");
  // Measure a snapshot: edits or rebuilds of the working tree during the run must not change the build under test.
  const home = path.join(WORK, "sdkwright");
  rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  for (const part of ["dist", "templates", "package.json"]) cpSync(path.join(ROOT, part), path.join(home, part), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(home, "node_modules"), "dir");
  SDKWRIGHT.home = home;
  results.meta.sdkwright = { fingerprint: fingerprint(["src", "templates", "package.json"]), builtAt: statSync(path.join(ROOT, "dist/cli.js")).mtime.toISOString() };
  for (const g of GENERATORS) results.meta.versions[g.id] = g.version();
  for (const p of ["openapi-fetch", "@oazapfts/runtime", "typescript", "esbuild"]) results.meta.versions[p] = pkgVersion(p);

  mkdirSync(path.join(WORK, "specs"), { recursive: true });
  for (const n of [...new Set([...(GEN_SPECS.some((s) => s.synthetic) ? [10_000] : []), ...(STAGES.has("scale") && !QUICK ? SCALE_SIZES : [])])]) {
    const file = path.join(WORK, `specs/synthetic-${n}.json`);
    writeFileSync(file, JSON.stringify(synthSpec(n), null, 1));
  }
  for (const s of SPECS) {
    if (!existsSync(s.file)) continue;
    s.ops = countOperations(readSpec(s.file));
    s.bytes = statSync(s.file).size;
    const rel = path.relative(ROOT, s.file);
    results.specs.push({ id: s.id, label: s.label, file: rel.startsWith("../") ? path.relative(path.dirname(ROOT), s.file) : rel, ops: s.ops, bytes: s.bytes, runs: s.runs, timeoutS: s.timeoutS });
  }
}

/** sha256 (12 hex digits) of the named files and folders' contents: identifies the source state measured (no git needed). */
function fingerprint(parts) {
  const hash = createHash("sha256");
  const add = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) for (const name of readdirSync(abs).sort()) add(path.join(rel, name));
    else hash.update(rel).update("\0").update(readFileSync(abs)).update("\0");
  };
  parts.forEach(add);
  return hash.digest("hex").slice(0, 12);
}

/** Waits (bounded) for the machine to be quiet: other work on 2 cores skews every number. */
async function waitForQuiet() {
  if (flag("no-wait") || QUICK) return;
  const limit = Date.now() + Number(option("wait-minutes", 3)) * 60_000;
  while (os.loadavg()[0] > 0.7 && Date.now() < limit) {
    log(`waiting for a quiet machine (load ${os.loadavg()[0].toFixed(2)})`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
  noteLoad("start of measurements");
}

// ---------------------------------------------------------------- 1. generation
const genDir = (spec, tool) => path.join(WORK, "gen", spec, tool);
const genOut = (spec, tool) => path.join(genDir(spec, tool), "out");

/**
 * sdkwright's CLI keeps a compiled-code cache (src/code-cache.ts); the bench gives it a folder of its
 * own, emptied at the start, so the warm-up run fills it as a user's first run would. `codeCache`
 * overrides the folder (an empty one measures a cold start).
 */
const CODE_CACHE = path.join(WORK, "code-cache");

async function generateOnce(gen, spec, timeoutS, { codeCache = CODE_CACHE } = {}) {
  const out = genOut(spec.id, gen.id);
  rmSync(genDir(spec.id, gen.id), { recursive: true, force: true });
  mkdirSync(genDir(spec.id, gen.id), { recursive: true });
  gen.prep?.(out);
  const [cmd, args] = gen.gen(spec.file, out);
  const env = gen.id === "sdkwright" ? { ...process.env, SDKWRIGHT_CODE_CACHE: codeCache } : process.env;
  const r = await timed(cmd, args, { cwd: genDir(spec.id, gen.id), env, timeoutMs: timeoutS * 1000, log: path.join(genDir(spec.id, gen.id), "log.txt") });
  const produced = existsSync(path.join(out, gen.entry));
  return { wallS: r.wallS, rssKB: r.rssKB, cpuS: r.cpuS, ok: r.ok && produced, timedOut: r.timedOut, code: r.code, produced };
}

async function stageGen() {
  log("generation: warm-up (each tool once on petstore, not measured)");
  const petstore = SPECS[0];
  rmSync(CODE_CACHE, { recursive: true, force: true });
  for (const g of GENERATORS) await generateOnce(g, petstore, 120);
  for (const spec of GEN_SPECS) {
    if (!existsSync(spec.file)) {
      log(`skipping ${spec.id}: ${spec.file} not found`);
      continue;
    }
    const cell = (results.gen[spec.id] = {});
    for (const g of GENERATORS) cell[g.id] = { runs: [] };
    for (let r = 0; r < spec.runs; r++) {
      // Rotate the order every round so no tool always runs right after the same neighbour.
      const order = GENERATORS.map((_, i) => GENERATORS[(i + r) % GENERATORS.length]);
      for (const g of order) {
        const c = cell[g.id];
        if (c.failed) continue;
        let m = await generateOnce(g, spec, spec.timeoutS);
        if (!m.ok && !m.timedOut) {
          // One more try before calling it a failure (a crash may be a one-off); the failed attempt is not counted.
          log(`gen ${spec.id} ${g.id}: failed (exit ${m.code}), trying once more`);
          m = await generateOnce(g, spec, spec.timeoutS);
        }
        c.runs.push(m);
        if (!m.ok) {
          c.failed = m.timedOut ? `timed out after ${spec.timeoutS} s` : m.produced ? `exit code ${m.code}` : `exit code ${m.code}, no ${g.entry} written`;
          c.log = path.relative(ROOT, path.join(genDir(spec.id, g.id), "log.txt"));
        }
        log(`gen ${spec.id} ${g.id} run ${r + 1}/${spec.runs}: ${m.wallS.toFixed(2)} s, ${(m.rssKB / 1024).toFixed(0)} MB${m.ok ? "" : ` (${c.failed})`}`);
      }
    }
    // sdkwright once more with an empty code cache: what a first run (a fresh CI machine) costs.
    const sdkwright = GENERATORS.find((g) => g.id === "sdkwright");
    const cold = mkdtempSync(path.join(WORK, "code-cache-cold-"));
    const coldRun = await generateOnce(sdkwright, spec, spec.timeoutS, { codeCache: cold });
    rmSync(cold, { recursive: true, force: true });
    if (coldRun.ok) cell.sdkwright.cold = { wallS: coldRun.wallS, cpuS: coldRun.cpuS, rssMB: coldRun.rssKB / 1024 };
    log(`gen ${spec.id} sdkwright with an empty code cache: ${coldRun.wallS.toFixed(2)} s`);
    for (const g of GENERATORS) {
      const c = cell[g.id];
      const okRuns = c.runs.filter((m) => m.ok);
      c.medianS = median(okRuns.map((m) => m.wallS));
      c.medianRssMB = median(okRuns.map((m) => m.rssKB / 1024));
      c.medianCpuS = median(okRuns.map((m) => m.cpuS));
      c.n = okRuns.length;
      if (c.failed && c.runs.at(-1)?.timedOut) {
        c.lowerBoundS = spec.timeoutS;
      }
    }
    noteLoad(`after gen ${spec.id}`);
  }
}

// ---------------------------------------------------------------- 1b. scale (sdkwright, synthetic specs)
async function stageScale() {
  if (QUICK) return;
  const sdkwright = GENERATORS.find((g) => g.id === "sdkwright");
  const sizes = [...SCALE_SIZES, 10_000];
  for (const n of sizes) {
    const file = path.join(WORK, `specs/synthetic-${n}.json`);
    const fromMatrix = n === 10_000 ? results.gen["synthetic-10k"]?.sdkwright : undefined;
    let runs = fromMatrix?.runs;
    if (!runs) {
      runs = [];
      for (let r = 0; r < 3; r++) {
        const m = await generateOnce(sdkwright, { id: `scale-${n}`, file }, 240);
        runs.push(m);
        log(`scale ${n} ops run ${r + 1}/3: ${m.wallS.toFixed(2)} s, ${(m.rssKB / 1024).toFixed(0)} MB`);
        if (!m.ok) break;
      }
      rmSync(genDir(`scale-${n}`, "sdkwright"), { recursive: true, force: true });
    }
    const ok = runs.filter((m) => m.ok);
    results.scale.push({ ops: n, bytes: statSync(file).size, medianS: median(ok.map((m) => m.wallS)), medianCpuS: median(ok.map((m) => m.cpuS)), medianRssMB: median(ok.map((m) => m.rssKB / 1024)), n: ok.length });
  }
  noteLoad("after scale");
}

// ---------------------------------------------------------------- sdkwright's model, for the consumers
const models = new Map();
async function sdkwrightModel(specId, file) {
  if (!models.has(specId)) {
    try {
      models.set(specId, JSON.parse(await capture(node, [path.join(SDKWRIGHT.home, "dist/cli.js"), "inspect", file, "--json"], { timeoutMs: 180_000 })));
    } catch (error) {
      log(`sdkwright inspect failed for ${specId}: ${String(error).slice(0, 300)}`);
      models.set(specId, undefined);
    }
  }
  return models.get(specId);
}

/** Makes sure a spec's generated outputs exist (the tsc/bundle stages can run without the gen stage). */
async function ensureGenerated(spec, genId) {
  const g = GENERATORS.find((x) => x.id === genId);
  if (existsSync(path.join(genOut(spec.id, genId), g.entry))) return true;
  if (results.gen[spec.id]?.[genId]?.failed) return false;
  log(`generating ${spec.id} with ${genId} (output missing)`);
  for (let attempt = 0; attempt < 2; attempt++) {
    const m = await generateOnce(g, spec, spec.timeoutS ?? 240);
    if (m.ok) return true;
    if (m.timedOut) return false;
  }
  return false;
}

function link(target, at) {
  rmSync(at, { recursive: true, force: true });
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, "dir");
}

// ---------------------------------------------------------------- 2. type-check cost
const TSCONFIG_BASE = {
  compilerOptions: {
    target: "ES2022",
    module: "preserve",
    moduleResolution: "bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
  },
};

function parseDiagnostics(text) {
  const num = (label) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(text);
    return m ? Number(m[1]) : NaN;
  };
  const errors = text.split("\n").filter((l) => /error TS\d+/.test(l));
  return {
    files: num("Files"),
    instantiations: num("Instantiations"),
    checkS: num("Check time"),
    totalS: num("Total time"),
    memoryKB: num("Memory used"),
    errors: errors.length,
    errorsInConsumer: errors.filter((l) => l.startsWith("consumer.ts")).length,
    firstErrors: errors.slice(0, 3).map((l) => l.slice(0, 300)),
  };
}

async function stageTsc() {
  writeFile(path.join(WORK, "tsc/tsconfig.base.json"), JSON.stringify(TSCONFIG_BASE, null, 2));
  for (const specId of TSC_SPECS) {
    const spec = SPECS.find((s) => s.id === specId);
    if (!existsSync(spec.file)) continue;
    const model = await sdkwrightModel(spec.id, spec.file);
    const cell = (results.tsc[spec.id] = {});
    for (const client of CONSUMERS) {
      const dir = path.join(WORK, "tsc", spec.id, client.id);
      rmSync(dir, { recursive: true, force: true });
      if (!(await ensureGenerated(spec, client.from))) {
        cell[client.id] = { status: `generation failed (${client.from})` };
        continue;
      }
      link(genOut(spec.id, client.from), path.join(dir, "sdk"));
      const consumer = consumerSource(client.from === "sdkwright" ? "sdkwright" : client.id, spec.call, genOut(spec.id, client.from), { sdkwrightModel: model, variant: client.variant });
      if (consumer.missing) {
        cell[client.id] = { status: consumer.missing };
        continue;
      }
      writeFile(path.join(dir, "consumer.ts"), consumer.source);
      writeFile(path.join(dir, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.base.json", files: ["consumer.ts"] }, null, 2));
      const runs = [];
      for (let r = 0; r < TSC_RUNS(spec.id); r++) {
        const logFile = path.join(dir, `tsc-${r}.txt`);
        const m = await timed(node, [TSC, "-p", "tsconfig.json", "--extendedDiagnostics", "--pretty", "false"], { cwd: dir, timeoutMs: 300_000, log: logFile });
        runs.push({ ...m, ...parseDiagnostics(readFileSync(logFile, "utf8")) });
        log(`tsc ${spec.id} ${client.id} run ${r + 1}: ${m.wallS.toFixed(2)} s, ${runs.at(-1).instantiations} instantiations, ${runs.at(-1).errors} errors${m.timedOut ? " (timed out)" : ""}`);
        if (m.timedOut) break;
      }
      const last = runs.at(-1);
      cell[client.id] = {
        status: last.timedOut ? "timed out" : "ok",
        wallS: median(runs.map((m) => m.wallS)),
        cpuS: median(runs.map((m) => m.cpuS)),
        rssMB: median(runs.map((m) => m.rssKB / 1024)),
        instantiations: last.instantiations,
        memoryKB: last.memoryKB,
        files: last.files,
        errors: last.errors,
        errorsInConsumer: last.errorsInConsumer,
        firstErrors: last.firstErrors,
        runs: runs.length,
        consumer: consumer.source,
      };
    }
    noteLoad(`after tsc ${spec.id}`);
  }
}

// ---------------------------------------------------------------- 3. runtime
async function startServer() {
  const child = spawn(node, [path.join(BENCH, "lib/server.mjs")], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 10 s")), 10_000);
    let buf = "";
    child.stdout.on("data", (d) => {
      buf += d;
      if (buf.includes("\n")) {
        clearTimeout(timer);
        resolve(Number(buf.trim()));
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => {
      child.stdin.end();
      setTimeout(() => child.kill("SIGKILL"), 2000).unref();
    },
  };
}

async function stageRuntime() {
  const dir = path.join(WORK, "runtime");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer();
  try {
    const specFile = path.join(dir, "spec.json");
    writeFileSync(specFile, JSON.stringify(runtimeSpec(server.baseUrl), null, 2));
    const model = await sdkwrightModel("runtime", specFile);
    const sdkwright = model && { get: sdkwrightCall(model, "get", "/items/{id}"), put: sdkwrightCall(model, "put", "/items/{id}") };
    const variants = [];
    const status = {};
    for (const client of CLIENTS) {
      const out = path.join(dir, client.id, "sdk");
      const g = GENERATORS.find((x) => x.id === client.from);
      let r;
      if (client.id === "orval") {
        // orval's fetch client takes its base URL only from a config file.
        const config = path.join(dir, "orval.config.cjs");
        writeFileSync(
          config,
          `module.exports = { runtime: { input: { target: ${JSON.stringify(specFile)} }, output: { target: ${JSON.stringify(path.join(out, "api.ts"))}, client: "fetch", mode: "single", baseUrl: { getBaseUrlFromSpecification: true } } } };\n`,
        );
        r = await run(node, [bin("orval", "orval"), "--config", config], { cwd: dir, timeoutMs: 120_000, log: path.join(dir, `${client.id}-gen.txt`) });
      } else {
        g.prep?.(out);
        const [cmd, args] = g.gen(specFile, out);
        r = await run(cmd, args, { cwd: dir, timeoutMs: 120_000, log: path.join(dir, `${client.id}-gen.txt`) });
      }
      if (!r.ok || !existsSync(path.join(out, g.entry))) {
        status[client.id] = "generation failed";
        continue;
      }
      if (client.id === "sdkwright" && !(sdkwright?.get && sdkwright?.put)) {
        status[client.id] = "no sdkwright method for GET/PUT /items/{id}";
        continue;
      }
      writeFile(path.join(dir, client.id, "client.ts"), variantSource(client.id, { sdkwright }));
      variants.push({ id: client.id, module: path.join(dir, "dist", client.id, "client.js") });
    }
    // One tsc compile for every client (sdkwright's generated SDK is compiled exactly like the others).
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify(
        {
          compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], strict: true, skipLibCheck: true, outDir: "dist", rootDir: "." },
          include: variants.map((v) => `${v.id}/client.ts`),
        },
        null,
        2,
      ),
    );
    const tscLog = path.join(dir, "tsc.txt");
    await run(node, [TSC, "-p", "tsconfig.json", "--pretty", "false"], { cwd: dir, timeoutMs: 300_000, log: tscLog });
    const tscErrors = readFileSync(tscLog, "utf8").split("\n").filter((l) => /error TS\d+/.test(l));
    for (const v of variants) v.compileErrors = tscErrors.filter((l) => l.startsWith(`${v.id}/`)).map((l) => l.slice(0, 300));

    const blocks = 20;
    const config = { baseUrl: server.baseUrl, blocks, perBlock: Math.max(1, Math.round(PAIRS / blocks)), warmup: QUICK ? 50 : 300, deadlineMs: 300_000, variants };
    writeFileSync(path.join(dir, "config.json"), JSON.stringify(config));
    log(`runtime: ${variants.length} clients × ${config.blocks * config.perBlock} GET+PUT pairs, interleaved with raw fetch`);
    const out = await capture(node, ["--expose-gc", path.join(BENCH, "lib/runtime-client.mjs"), path.join(dir, "config.json")], { cwd: dir, timeoutMs: 360_000 });
    const measured = JSON.parse(out);
    for (const m of measured) m.compileErrors = variants.find((v) => v.id === m.id)?.compileErrors ?? [];
    results.runtime = { pairs: config.blocks * config.perBlock, blocks, perBlock: config.perBlock, warmup: config.warmup, results: measured, status };
    for (const m of measured) log(`runtime ${m.id}: ${m.ok ? `ratio ${m.ratio.toFixed(3)} (${m.sdkUsPerPair.toFixed(0)} µs vs raw ${m.rawUsPerPair.toFixed(0)} µs per pair)` : m.error.split("\n")[0]}`);
  } finally {
    server.stop();
  }
  noteLoad("after runtime");
}

// ---------------------------------------------------------------- 4. bundle size
async function gzipSize(file) {
  const out = await new Promise((resolve, reject) => {
    const child = spawn("gzip", ["-9", "-c", file], { stdio: ["ignore", "pipe", "inherit"] });
    const chunks = [];
    child.stdout.on("data", (c) => chunks.push(c));
    child.on("error", reject);
    child.on("close", () => resolve(Buffer.concat(chunks)));
  });
  return out.length;
}

async function stageBundle() {
  const esbuild = await import(createRequire(path.join(BENCH, "package.json")).resolve("esbuild"));
  const clients = CONSUMERS;
  for (const specId of BUNDLE_SPECS) {
    const spec = SPECS.find((s) => s.id === specId);
    if (!existsSync(spec.file)) continue;
    const model = await sdkwrightModel(spec.id, spec.file);
    const cell = (results.bundle[spec.id] = {});
    for (const client of clients) {
      const dir = path.join(WORK, "bundle", spec.id, client.id);
      rmSync(dir, { recursive: true, force: true });
      if (!(await ensureGenerated(spec, client.from))) {
        cell[client.id] = { status: "generation failed" };
        continue;
      }
      link(genOut(spec.id, client.from), path.join(dir, "sdk"));
      const kind = client.from === "sdkwright" ? "sdkwright" : client.id;
      const consumer = consumerSource(kind, spec.call, genOut(spec.id, client.from), { sdkwrightModel: model, variant: client.variant });
      if (consumer.missing) {
        cell[client.id] = { status: consumer.missing };
        continue;
      }
      writeFile(path.join(dir, "entry.ts"), consumer.source);
      const outfile = path.join(dir, "bundle.min.js");
      try {
        await esbuild.build({ entryPoints: [path.join(dir, "entry.ts")], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", outfile, logLevel: "silent" });
        cell[client.id] = { status: "ok", minBytes: statSync(outfile).size, gzipBytes: await gzipSize(outfile), consumer: consumer.source };
        log(`bundle ${spec.id} ${client.id}: ${cell[client.id].minBytes} B min, ${cell[client.id].gzipBytes} B gzip`);
      } catch (error) {
        const first = error.errors?.[0];
        cell[client.id] = { status: `esbuild failed${first ? `: ${first.text}${first.location ? ` (${path.basename(first.location.file)}:${first.location.line})` : ""}` : ""}${error.errors?.length > 1 ? ` (+${error.errors.length - 1} more)` : ""}` };
      }
    }
  }
}

// ---------------------------------------------------------------- 5. profile sdkwright
async function stageProfile() {
  const spec = SPECS.find((s) => s.id === PROFILE_SPEC);
  const dir = path.join(WORK, "profile");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = await timed(node, ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-name", "sdkwright.cpuprofile", path.join(SDKWRIGHT.home, "dist/cli.js"), "generate", spec.file, "--out", path.join(dir, "out")], {
    cwd: dir,
    timeoutMs: 240_000,
    log: path.join(dir, "generate.txt"),
  });
  const cpu = existsSync(path.join(dir, "sdkwright.cpuprofile"))
    ? summariseProfile(path.join(dir, "sdkwright.cpuprofile"), {
        root: SDKWRIGHT.home,
        pipeline: ["loadSpec", "readRootDocument", "validateDocument", "bundleDocument", "buildModel", "generateSchemaTypes", "emitClient", "runtimeFiles", "writeOutput"],
      })
    : undefined;
  const phaseRun = async (mode, ...args) => {
    try {
      return JSON.parse(await capture(node, [path.join(BENCH, "lib/phases.mjs"), mode, spec.file, ...args], { cwd: dir, timeoutMs: 240_000, env: { ...process.env, SDKWRIGHT_HOME: SDKWRIGHT.home } }));
    } catch (error) {
      return { error: String(error).slice(0, 500) };
    }
  };
  const phases = await phaseRun("generate", path.join(dir, "out-phases"));
  const loadPhases = await phaseRun("load");
  let importMs;
  try {
    importMs = Number(await capture(node, ["-e", `const t=performance.now(); await import(${JSON.stringify(path.join(SDKWRIGHT.home, "dist/index.js"))}); console.log(performance.now()-t)`, "--input-type=module"], { timeoutMs: 60_000 }));
  } catch {
    importMs = NaN;
  }
  const genLog = existsSync(path.join(dir, "generate.txt")) ? readFileSync(path.join(dir, "generate.txt"), "utf8") : "";
  const warnings = genLog.split("\n").filter((l) => l.startsWith("warning:"));
  const more = /and (\d+) more/.exec(genLog);
  const warningCount = warnings.length - (more ? 1 : 0) + (more ? Number(more[1]) : 0);
  results.profile = { spec: spec.id, warningCount, summary: genLog.split("\n").find((l) => l.startsWith("sdkwright:")), wallS: r.wallS, rssMB: r.rssKB / 1024, cpu, phases, loadPhases, importMs };
  log(`profile ${spec.id}: ${r.wallS.toFixed(2)} s under --cpu-prof`);
}

// ---------------------------------------------------------------- main
const stages = [
  ["gen", stageGen],
  ["scale", stageScale],
  ["tsc", stageTsc],
  ["runtime", stageRuntime],
  ["bundle", stageBundle],
  ["profile", stageProfile],
];
// --render-only: rewrite the report from the last run's raw numbers, measuring nothing.
if (flag("render-only")) {
  const saved = JSON.parse(readFileSync(path.join(WORK, QUICK ? "results-quick.json" : "results.json"), "utf8"));
  const report = renderReport(saved, { chartFile: path.basename(CHART), quick: QUICK });
  if (report.chart) writeFile(CHART, report.chart);
  writeFile(REPORT, report.markdown);
  console.log(`wrote ${path.relative(process.cwd(), REPORT)}`);
  process.exit(0);
}

// One run at a time: two runs would share bench/.work and measure each other.
const LOCK = path.join(WORK, "run.lock");
mkdirSync(WORK, { recursive: true });
if (existsSync(LOCK)) {
  const pid = Number(readFileSync(LOCK, "utf8"));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    // stale lock
  }
  if (alive) {
    console.error(`another bench run (pid ${pid}) is using bench/.work: wait for it, or end it first`);
    process.exit(1);
  }
}
writeFileSync(LOCK, String(process.pid));
process.on("exit", () => rmSync(LOCK, { force: true }));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

try {
  await setup();
  await waitForQuiet();
  for (const [name, fn] of stages) {
    if (!STAGES.has(name)) continue;
    const t0 = Date.now();
    log(`stage ${name}`);
    try {
      await fn();
    } catch (error) {
      log(`stage ${name} failed: ${error?.stack ?? error}`);
      results.meta.stages[`${name}Error`] = String(error?.message ?? error).slice(0, 500);
    }
    results.meta.stages[name] = (Date.now() - t0) / 1000;
  }
} finally {
  results.meta.durationS = (Date.now() - began) / 1000;
  noteLoad("end");
  mkdirSync(WORK, { recursive: true });
  writeFileSync(path.join(WORK, QUICK ? "results-quick.json" : "results.json"), JSON.stringify(results, null, 2));
}

const report = renderReport(results, { chartFile: path.basename(CHART), quick: QUICK });
if (report.chart) writeFile(CHART, report.chart);
writeFile(REPORT, report.markdown);
log(`wrote ${path.relative(process.cwd(), REPORT)}${report.chart ? ` and ${path.relative(process.cwd(), CHART)}` : ""} (raw numbers: ${path.relative(process.cwd(), path.join(WORK, QUICK ? "results-quick.json" : "results.json"))})`);
