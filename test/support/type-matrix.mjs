// The type-check matrix: generated SDKs compiled under the project setups people use, with each
// TypeScript release we support. Compilers other than the repo's own come from npm into
// .cache/typescript-matrix (installed once, pinned here); projects are written under .cache/type-matrix
// so that `@types/node` resolves from the repo's node_modules.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./sdk-build.mjs";

/** The compilers: alias → exact npm version ("5.9" is the repo's own `typescript`). */
export const COMPILERS = { "5.0": "5.0.4", "5.4": "5.4.5", "5.9": null, "6.0": "6.0.3", "7.0": "7.0.2" };
const CACHE = path.join(repoRoot, ".cache/typescript-matrix");
export const WORK = path.join(repoRoot, ".cache/type-matrix");

const alias = (version) => `ts${version.replace(".", "")}`;

/** Installs the pinned compilers into .cache/typescript-matrix unless already there; returns each one's tsc path. */
export function installCompilers() {
  const manifest = { private: true, dependencies: Object.fromEntries(Object.entries(COMPILERS).filter(([, v]) => v).map(([k, v]) => [alias(k), `npm:typescript@${v}`])) };
  const manifestText = JSON.stringify(manifest, null, 2);
  const installed = path.join(CACHE, "installed.json");
  if (!existsSync(installed) || readFileSync(installed, "utf8") !== manifestText) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(path.join(CACHE, "package.json"), manifestText);
    const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock"], { cwd: CACHE, encoding: "utf8", shell: process.platform === "win32" });
    if (npm.status !== 0) throw new Error(`npm install of the TypeScript compilers failed in ${CACHE}:\n${npm.stderr}`);
    writeFileSync(installed, manifestText);
  }
  return Object.fromEntries(
    Object.entries(COMPILERS).map(([k, v]) => [k, v ? path.join(CACHE, "node_modules", alias(k), "bin/tsc") : path.join(repoRoot, "node_modules/typescript/bin/tsc")]),
  );
}

/** What strict projects turn on (the list; `erasableSyntaxOnly` exists from TypeScript 5.8). */
const STRICTEST = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  isolatedModules: true,
};
const ESM_ONLY = { verbatimModuleSyntax: true };

/**
 * The setups: `module` decides whether the project folder is an ES module package or CommonJS.
 * Each one also carries every strictest flag (a strict-clean SDK is clean with them off too).
 * @type {Record<string, { package: "module" | "commonjs"; options: Record<string, unknown> }>}
 */
export const SETUPS = {
  "node-only (lib without DOM, @types/node, nodenext ESM)": { package: "module", options: { target: "ES2022", lib: ["ES2022"], types: ["node"], module: "NodeNext", moduleResolution: "NodeNext", ...ESM_ONLY } },
  "browser-only (DOM, no @types/node, bundler)": { package: "module", options: { target: "ES2022", lib: ["ES2022", "DOM", "DOM.Iterable"], types: [], module: "ESNext", moduleResolution: "Bundler", ...ESM_ONLY } },
  "ES2020 + DOM, target ES2020": { package: "module", options: { target: "ES2020", lib: ["ES2020", "DOM"], types: [], module: "ES2020", moduleResolution: "Bundler", ...ESM_ONLY } },
  "nodenext, ESM package": { package: "module", options: { target: "ES2022", lib: ["ES2022", "DOM"], types: [], module: "NodeNext", moduleResolution: "NodeNext", ...ESM_ONLY } },
  "nodenext, CommonJS package": { package: "commonjs", options: { target: "ES2022", lib: ["ES2022", "DOM"], types: [], module: "NodeNext", moduleResolution: "NodeNext" } },
  "commonjs + node10": { package: "commonjs", options: { target: "ES2022", lib: ["ES2022", "DOM"], types: [], module: "CommonJS", moduleResolution: "Node10" } },
};

/** Options a compiler release needs on top of a setup, or a reason it cannot run the setup at all. */
export function forCompiler(version, setup) {
  const options = { ...STRICTEST, ...setup.options, noEmit: true, skipLibCheck: true };
  const [major, minor] = version.split(".").map(Number);
  if (major > 5 || minor >= 8) options.erasableSyntaxOnly = true;
  if (options.moduleResolution === "Node10") {
    if (major >= 7) return { unsupported: "TypeScript 7 removed moduleResolution node10" };
    if (major === 6) options.ignoreDeprecations = "6.0";
  }
  return { options };
}

/** Copies `sdkDirs` (name → folder holding sdk/ and consumer.ts) into a project folder per package type. */
export function writeProjects(group, sdkDirs) {
  /** @type {Record<string, string>} */
  const roots = {};
  for (const pkg of ["module", "commonjs"]) {
    const root = path.join(WORK, group, pkg);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, "package.json"), JSON.stringify({ private: true, type: pkg }));
    for (const [name, dir] of Object.entries(sdkDirs)) cpSync(dir, path.join(root, name), { recursive: true });
    roots[pkg] = root;
  }
  return roots;
}

/** Runs `tsc -p` on a tsconfig written for `options` in `root`; resolves to tsc's output ("" when clean). */
export function typeCheck(tsc, root, name, options) {
  const config = path.join(root, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: options, include: ["**/*.ts"], exclude: ["node_modules"] }, null, 2));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, "-p", config, "--pretty", "false"], { cwd: root });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", () => resolve(output.trim()));
  });
}

/** Runs `jobs` (functions returning promises) at most `limit` at a time, keeping their order in the result. */
export async function pooled(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/**
 * The real-spec consumer (GitHub REST): nested resources, path/query/body arguments, credentials
 * through headers, `withResponse()`, and the error classes, as a user's code would write them.
 */
export const GITHUB_CONSUMER = `import { ApiError, ConnectionError, createClient, NotFoundError, type Client, type ReposIssuesCreateBody } from "./sdk/index.js";

export async function triage(token: string, api: Client = createClient({ headers: { authorization: \`Bearer \${token}\` }, retry: { maxRetries: 2 } })) {
  const repo = await api.repos.get("octocat", "hello-world");
  const fullName: string = repo.full_name;
  const issue: ReposIssuesCreateBody = { title: "Found a bug", labels: ["bug"] };
  const { data: created, status, location } = await api.repos.issues.create("octocat", "hello-world", issue).withResponse();
  const comments = await api.repos.issues.comments.list("octocat", "hello-world", created.number, { query: { per_page: 10 } });
  const bodies = comments.map((comment) => comment.body ?? "");
  try {
    await api.users.get("ghost");
  } catch (error) {
    if (error instanceof NotFoundError) return { fullName, status, location, bodies, missing: error.status };
    if (error instanceof ApiError || error instanceof ConnectionError) throw error;
  }
  return { fullName, status, location, bodies, missing: undefined };
}

export function mustNotCompile(api: Client) {
  // @ts-expect-error an issue needs a title.
  api.repos.issues.create("octocat", "hello-world", { labels: ["bug"] });
  // @ts-expect-error the issue number is a number.
  api.repos.issues.get("octocat", "hello-world", "1");
}
`;
