// The contract runner: every operation of a spec, called through the SDK sdkwright generates for
// it, against Prism validating each request (prism-server.mjs). Arguments come from the spec's
// schemas via openapi-sampler: pass "required" sends only required parameters and body fields,
// pass "all" every optional one too. Each call ends as
//   accepted  - Prism found no violation in the request,
//   rejected  - Prism answered with violations (or could not route the request),
//   not-sent  - the SDK refused before sending (RequestBuildError), with its reason,
//   validator-crash - Prism threw while validating the request (its bug; the call is ended).
import { fork } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { generate } from "../../dist/index.js";
import { sample } from "./sampler.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const PASSES = ["required", "all"];

/** Starts Prism for `spec` in a child process; resolves with its address and a stop function. */
export function startPrism(spec, timeoutMs = 600_000) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, "prism-server.mjs"), [spec], { stdio: ["ignore", "ignore", process.env.CONTRACT_DEBUG ? "inherit" : "pipe", "ipc"], execArgv: ["--max-old-space-size=4096"] });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr = (stderr + chunk).slice(-2000)));
    const timer = setTimeout(() => (child.kill(), reject(new Error(`Prism did not start within ${timeoutMs} ms`))), timeoutMs);
    child.once("message", (message) => {
      clearTimeout(timer);
      if (message.error) return reject(new Error(`Prism cannot load the spec: ${message.error}`));
      resolve({ ...message, child, stop: () => child.kill() });
    });
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`Prism exited (${code}): ${stderr}`))));
  });
}

/** Generates the SDK into `dir` and transpiles it to JavaScript beside its sources (imports already end in `.js`). */
async function buildSdk(spec, dir) {
  const result = await generate({ input: spec, out: dir, force: true });
  const walk = (folder) => readdirSync(folder).flatMap((name) => (statSync(path.join(folder, name)).isDirectory() ? walk(path.join(folder, name)) : [path.join(folder, name)]));
  for (const file of walk(dir).filter((f) => f.endsWith(".ts"))) {
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
    writeFileSync(file.replace(/\.ts$/, ".js"), outputText);
  }
  return { result, sdk: await import(pathToFileURL(path.join(dir, "index.js")).href) };
}

/** Every generated method with the accessor path to it (`["customers", "list"]`). */
function methodsOf(resources, chain = []) {
  return resources.flatMap((resource) => [
    ...resource.methods.map((method) => ({ method, chain: [...chain, resource.name, method.name] })),
    ...methodsOf(resource.children, [...chain, resource.name]),
  ]);
}

function resolve(document, value, depth = 0) {
  if (!value || typeof value.$ref !== "string" || depth > 32) return value;
  const node = value.$ref.replace(/^#\//, "").split("/").reduce((at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
  return resolve(document, node, depth + 1);
}

/** The operation's parameters (path-level and its own), resolved. */
function parametersOf(document, method) {
  const item = resolve(document, document.paths[method.path]);
  const operation = resolve(document, item[method.httpMethod]);
  const own = (operation.parameters ?? []).map((p) => resolve(document, p));
  const shared = (item.parameters ?? []).map((p) => resolve(document, p)).filter((s) => !own.some((o) => o.name === s.name && o.in === s.in));
  return { operation, parameters: [...shared, ...own] };
}


const MANAGED_HEADERS = /^(accept|content-type|content-length|authorization)$/i;

/** The positional arguments and options for one call, from the spec. */
function argumentsFor(document, method, pass) {
  const { operation, parameters } = parametersOf(document, method);
  const valueOf = (param) => sample(document, param.schema ?? Object.values(param.content ?? {})[0]?.schema, pass);
  const args = method.pathParams.map((pathParam) => {
    const param = parameters.find((p) => p.in === "path" && p.name === pathParam.name);
    const value = param ? valueOf(param) : undefined;
    return value === undefined || value === "" || value === null ? "x" : value;
  });
  const options = {};
  for (const where of ["query", "header", "cookie"]) {
    const key = where === "header" ? "headers" : where === "cookie" ? "cookies" : "query";
    for (const param of parameters.filter((p) => p.in === where && (pass === "all" || p.required))) {
      if (where === "header" && MANAGED_HEADERS.test(param.name)) continue;
      const value = valueOf(param);
      if (value !== undefined) (options[key] ??= {})[param.name] = value;
    }
  }
  if (method.body) {
    const requestBody = resolve(document, operation.requestBody);
    let body;
    if (method.body.required || pass === "all") {
      const { format, contentType } = method.body.media;
      const schema = requestBody?.content?.[contentType]?.schema;
      if (format === "binary") body = new Uint8Array([1, 2, 3]);
      else if (format === "text") body = String(sample(document, schema, pass) ?? "text");
      else body = sample(document, schema, pass) ?? {};
    }
    args.push(body);
  }
  args.push(options);
  return args;
}

/** Classifies Prism's answer: its problem type on an error status, and the `sl-violations` header. */
function verdict(response, text) {
  let problem;
  try {
    problem = JSON.parse(text);
  } catch {}
  const type = typeof problem?.type === "string" ? problem.type.replace(/^.*#/, "") : undefined;
  const violations = (problem?.validation ?? []).map((v) => `${(v.location ?? []).join(".")}: ${v.message}`);
  if (response.status >= 400 && type && /UNPROCESSABLE_ENTITY|NO_PATH_MATCHED|NO_METHOD_MATCHED|NO_SERVER_MATCHED|INVALID_CONTENT_TYPE|NOT_ACCEPTABLE/.test(type)) {
    return { outcome: "rejected", detail: violations.length ? violations : [`${type}: ${problem.detail ?? problem.title ?? ""}`] };
  }
  return { outcome: "accepted", detail: [] };
}

/**
 * Runs both passes over every operation of `spec`. `onResult` sees each result as it comes.
 * Returns { spec, operations, results, loadMs, warnings }.
 */
export async function runContract(spec, { onResult = () => {}, passes = PASSES } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "sdkwright-contract-"));
  const prism = await startPrism(spec);
  try {
    const { result, sdk } = await buildSdk(spec, path.join(dir, "sdk"));
    const { loadSpec } = await import("../../dist/load/index.js");
    const { document } = await loadSpec(spec);
    let last;
    let crash;
    let controller;
    prism.child.on("message", (message) => {
      if (!message.crash) return;
      crash = message.crash;
      controller?.abort(new Error(`Prism crashed: ${message.crash}`));
    });
    const fetchAndRecord = async (url, init) => {
      const response = await fetch(url, init);
      const text = response.status >= 400 ? await response.clone().text() : "";
      last = verdict(response, text);
      return response;
    };
    const client = sdk.createClient({ baseUrl: prism.address, fetch: fetchAndRecord, retry: false, timeoutMs: 30_000 });
    const results = [];
    for (const { method, chain } of methodsOf(result.model.resources)) {
      for (const pass of passes) {
        const entry = { operation: `${method.httpMethod.toUpperCase()} ${method.path}`, call: chain.join("."), pass };
        if (method.body) {
          entry.format = method.body.media.format;
          entry.deepFields = Object.entries(method.body.media.encoding ?? {}).filter(([, e]) => e.style === "deepObject").map(([name]) => name);
        }
        let args;
        try {
          args = argumentsFor(document, method, pass);
        } catch (error) {
          Object.assign(entry, { outcome: "sampler-error", detail: [String(error?.message ?? error)] });
          results.push(entry), onResult(entry);
          continue;
        }
        const body = method.body ? args.at(-2) : undefined;
        if (body && typeof body === "object" && !ArrayBuffer.isView(body)) entry.sentFields = Object.keys(body).filter((key) => body[key] !== undefined && body[key] !== null);
        last = undefined;
        crash = undefined;
        controller = new AbortController();
        args.at(-1).signal = controller.signal;
        try {
          const target = chain.slice(0, -1).reduce((at, name) => at[name], client);
          await target[chain.at(-1)](...args);
          Object.assign(entry, last ?? { outcome: "accepted", detail: [] });
        } catch (error) {
          if (crash) {
            Object.assign(entry, { outcome: "validator-crash", detail: [crash] });
          } else if (error?.name === "RequestBuildError" || (last === undefined && error instanceof TypeError)) {
            Object.assign(entry, { outcome: "not-sent", detail: [String(error.message)] });
          } else {
            Object.assign(entry, last ?? { outcome: "error", detail: [String(error?.message ?? error)] });
          }
        }
        if (entry.outcome !== "accepted") {
          // What was sent, so causes.mjs can tell a violation about an absent value from one about a value sent.
          entry.sent = { body: body && typeof body === "object" && !ArrayBuffer.isView(body) ? body : undefined, query: args.at(-1).query };
          entry.deepQuery = Object.entries(method.queryStyles).filter(([, style]) => style.style === "deepObject").map(([name]) => name);
        }
        results.push(entry), onResult(entry);
      }
    }
    return { spec, operations: methodsOf(result.model.resources).length, prismOperations: prism.operations, loadMs: prism.loadMs, results, warnings: result.warnings };
  } finally {
    prism.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
