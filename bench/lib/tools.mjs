// The generators under test: how each one is invoked, and how a one-call consumer of its output looks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.dirname(BENCH);

/** bench/node_modules/<name>/package.json (read by path: some packages do not export ./package.json). */
const manifestOf = (name) => path.join(BENCH, "node_modules", name, "package.json");

export function pkgVersion(name) {
  return JSON.parse(readFileSync(manifestOf(name), "utf8")).version;
}

export function bin(pkg, name) {
  const manifestPath = manifestOf(pkg);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const rel = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[name];
  return path.join(path.dirname(manifestPath), rel);
}

export const TSC = bin("typescript", "tsc");

/**
 * Where the sdkwright under test lives: the repo root, or (once run.mjs has built it) a snapshot of
 * its dist/, templates/ and package.json under bench/.work/sdkwright, so that rebuilds or edits of
 * the working tree during a run cannot change the build being measured.
 */
export const SDKWRIGHT = { home: ROOT };
const node = process.execPath;

/**
 * Each generator: `gen(spec, out)` gives the command that writes its SDK into the folder `out`
 * (which does not exist yet), using the tool's documented CLI with its defaults, plus the
 * options needed to get a fetch-based TypeScript client. `entry` is the file the run must produce.
 */
export const GENERATORS = [
  {
    id: "sdkwright",
    label: "sdkwright",
    version: () => JSON.parse(readFileSync(path.join(SDKWRIGHT.home, "package.json"), "utf8")).version,
    gen: (spec, out) => [node, [path.join(SDKWRIGHT.home, "dist/cli.js"), "generate", spec, "--out", out]],
    entry: "index.ts",
  },
  {
    id: "openapi-typescript",
    label: "openapi-typescript (types only)",
    version: () => pkgVersion("openapi-typescript"),
    gen: (spec, out) => [node, [bin("openapi-typescript", "openapi-typescript"), spec, "--output", path.join(out, "schema.ts")]],
    entry: "schema.ts",
  },
  {
    id: "oazapfts",
    label: "oazapfts",
    version: () => pkgVersion("oazapfts"),
    prep: (out) => mkdirSync(out, { recursive: true }),
    gen: (spec, out) => [node, [bin("oazapfts", "oazapfts"), spec, path.join(out, "api.ts")]],
    entry: "api.ts",
  },
  {
    id: "orval",
    label: "orval (fetch client)",
    version: () => pkgVersion("orval"),
    gen: (spec, out) => [node, [bin("orval", "orval"), "--input", spec, "--output", path.join(out, "api.ts"), "--client", "fetch", "--mode", "single"]],
    entry: "api.ts",
  },
  {
    id: "hey-api",
    label: "@hey-api/openapi-ts",
    version: () => pkgVersion("@hey-api/openapi-ts"),
    // Its bin (bin/run.js) re-spawns node on dist/run.mjs; both are measured, as a user runs them.
    gen: (spec, out) => [node, [bin("@hey-api/openapi-ts", "openapi-ts"), "--input", spec, "--output", out, "--no-log-file"]],
    entry: "sdk.gen.ts",
  },
  {
    id: "sta",
    label: "swagger-typescript-api",
    version: () => pkgVersion("swagger-typescript-api"),
    // Its default client is fetch. (Do not pass --http-client: in 13.13 any value of it selects axios.)
    gen: (spec, out) => [node, [bin("swagger-typescript-api", "swagger-typescript-api"), "generate", "--path", spec, "--output", out, "--name", "api.ts"]],
    entry: "api.ts",
  },
];

/**
 * The SDK flavours compared for type-check cost, runtime and bundle size. `from` names the
 * generator whose output the consumer imports (openapi-fetch uses openapi-typescript's types).
 */
export const CLIENTS = [
  { id: "sdkwright", label: "sdkwright", from: "sdkwright" },
  { id: "openapi-fetch", label: "openapi-typescript + openapi-fetch", from: "openapi-typescript" },
  { id: "oazapfts", label: "oazapfts", from: "oazapfts" },
  { id: "orval", label: "orval (fetch)", from: "orval" },
  { id: "hey-api", label: "@hey-api/openapi-ts", from: "hey-api" },
  { id: "sta", label: "swagger-typescript-api", from: "sta" },
];

/** sdkwright's second consumer: one standalone function and `createBaseClient`, measured beside `createClient()`. */
export const SDKWRIGHT_FUNCTION = { id: "sdkwright-function", label: "sdkwright, one function", from: "sdkwright", variant: "function" };

/** The clients of the tsc and bundle stages: sdkwright's two consumers first, then the peers. */
export const CONSUMERS = [CLIENTS[0], SDKWRIGHT_FUNCTION, ...CLIENTS.slice(1)];

/** sdkwright's own resource model (from `sdkwright inspect --json`): the accessor chain of one operation. */
export function sdkwrightCall(model, method, opPath) {
  const walk = (resources, chain) => {
    for (const resource of resources ?? []) {
      const here = [...chain, resource];
      for (const m of resource.methods ?? []) {
        if (m.httpMethod === method && m.path === opPath) return { chain: here, method: m };
      }
      const found = walk(resource.children, here);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(model.resources, []);
  if (!found) return undefined;
  const last = found.chain.at(-1);
  return {
    accessor: found.chain.map((r) => r.name).join("."),
    methodName: found.method.name,
    className: last.className,
    fileName: last.fileName,
  };
}

/** swagger-typescript-api groups routes into `api.<module>.<route>`: find the module holding `route`. */
export function staModule(apiSource, route) {
  let current;
  const routeLine = new RegExp(`^    ${route}: `);
  for (const line of apiSource.split("\n")) {
    const mod = /^  (\w+) = \{$/.exec(line);
    if (mod) current = mod[1];
    else if (routeLine.test(line)) return current;
  }
  return undefined;
}

const literal = (value) => JSON.stringify(value);

/**
 * A one-call consumer of `client` for operation `op` (see SPECS[].call), as TypeScript source
 * importing from `./sdk/`. `variant: "function"` is sdkwright's tree-shakeable path (one standalone function).
 * Returns { source } or { missing: reason }.
 */
export function consumerSource(client, op, sdkDir, { sdkwrightModel, variant } = {}) {
  const args = Object.values(op.pathParams).map(literal).join(", ");
  switch (client) {
    case "sdkwright": {
      const call = sdkwrightModel && sdkwrightCall(sdkwrightModel, op.method, op.path);
      if (!call) return { missing: `no sdkwright method for ${op.method.toUpperCase()} ${op.path}` };
      if (variant === "function") {
        // The tree-shakeable path: one standalone function plus the configured client, no resource classes.
        const resourceFile = path.join(sdkDir, "operations", `${call.fileName}.ts`);
        const name = call.className.charAt(0).toLowerCase() + call.className.slice(1) + call.methodName.charAt(0).toUpperCase() + call.methodName.slice(1);
        const source = existsSync(resourceFile) ? readFileSync(resourceFile, "utf8") : "";
        if (!new RegExp(`export function ${name}\\b`).test(source)) return { missing: `${name} not exported by ${resourceFile}` };
        return {
          source:
            `import { ${name} } from "./sdk/operations/${call.fileName}.js";\n` +
            `import { createBaseClient } from "./sdk/base-client.js";\n` +
            `await ${name}(createBaseClient({ baseUrl: ${literal(op.baseUrl)} }), ${args});\n`,
        };
      }
      return {
        source:
          `import { createClient } from "./sdk/index.js";\n` +
          `const api = createClient();\n` +
          `await api.${call.accessor}.${call.methodName}(${args});\n`,
      };
    }
    case "openapi-fetch":
      return {
        source:
          `import createClient from "openapi-fetch";\n` +
          `import type { paths } from "./sdk/schema.js";\n` +
          `const client = createClient<paths>({ baseUrl: ${literal(op.baseUrl)} });\n` +
          `await client.${op.method.toUpperCase()}(${literal(op.path)}, { params: { path: ${literal(op.pathParams)} } });\n`,
      };
    case "oazapfts":
    case "orval": {
      const file = path.join(sdkDir, "api.ts");
      const source = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (!new RegExp(`export (function|const) ${op.operationId}\\b`).test(source)) return { missing: `${op.operationId} not exported by ${file}` };
      return { source: `import { ${op.operationId} } from "./sdk/api.js";\nawait ${op.operationId}(${args});\n` };
    }
    case "hey-api": {
      const file = path.join(sdkDir, "sdk.gen.ts");
      const source = existsSync(file) ? readFileSync(file, "utf8") : "";
      if (!new RegExp(`export const ${op.operationId}\\b`).test(source)) return { missing: `${op.operationId} not exported by ${file}` };
      return { source: `import { ${op.operationId} } from "./sdk/index.js";\nawait ${op.operationId}({ path: ${literal(op.pathParams)} });\n` };
    }
    case "sta": {
      const file = path.join(sdkDir, "api.ts");
      const mod = existsSync(file) ? staModule(readFileSync(file, "utf8"), op.operationId) : undefined;
      if (!mod) return { missing: `route ${op.operationId} not found in ${file}` };
      return { source: `import { Api } from "./sdk/api.js";\nconst api = new Api();\nawait api.${mod}.${op.operationId}(${args});\n` };
    }
    default:
      throw new Error(`unknown client ${client}`);
  }
}

export function writeFile(file, content) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}
