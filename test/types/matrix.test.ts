// The type-check matrix: every fixture SDK (with its consumer.ts) and GitHub's (with a consumer of
// nested resources, errors and withResponse()) compiled under each project setup people use and with
// TypeScript 5.0 to 7, every strictest flag on; typescript-eslint's recommended rules on the output.
// The SDKs are generated once and shared; at most two tsc processes run at a time.
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { repoRoot } from "../support/sdk-build.mjs";
import { forCompiler, GITHUB_CONSUMER, installCompilers, pooled, SETUPS, typeCheck, WORK, writeProjects } from "../support/type-matrix.mjs";

const fixtures = path.join(repoRoot, "fixtures");
const fixtureNames = readdirSync(fixtures).filter((name) => existsSync(path.join(fixtures, name, "openapi.yaml")) && existsSync(path.join(fixtures, name, "consumer.ts")));
const githubSpec = path.join(repoRoot, "../shared/specs/github-api.json");
const hasGithub = existsSync(githubSpec);

const [nodeOnly, browserOnly, es2020, esm, cjs, node10] = Object.keys(SETUPS);
/** Every setup with the repo's compiler and with TypeScript 7; with the others, the setups where a release differs (lib and module resolution). */
const FIXTURE_CELLS: Array<[string, string]> = [
  ...Object.keys(SETUPS).map((setup): [string, string] => ["5.9", setup]),
  ...Object.keys(SETUPS).filter((setup) => setup !== node10).map((setup): [string, string] => ["7.0", setup]),
  ["5.0", nodeOnly!], ["5.0", es2020!], ["5.0", node10!],
  ["5.4", nodeOnly!], ["5.4", browserOnly!],
  ["6.0", nodeOnly!], ["6.0", node10!],
];
/** GitHub's SDK is ~1,300 files: the setups most likely to differ, oldest and newest compiler. */
const GITHUB_CELLS: Array<[string, string]> = [["5.9", nodeOnly!], ["5.9", cjs!], ["5.0", es2020!], ["7.0", esm!]];

type Cell = { group: string; version: string; setup: string; output: string };
const results: Cell[] = [];
let ready: Promise<void>;

/** Generates each SDK once, writes the projects, and type-checks every cell, two at a time. */
async function runMatrix(): Promise<void> {
  const tsc = installCompilers();
  const sources = path.join(WORK, "sources");
  rmSync(sources, { recursive: true, force: true });
  const fixtureDirs: Record<string, string> = {};
  for (const name of fixtureNames) {
    const dir = path.join(sources, "fixtures", name);
    await generate({ input: path.join(fixtures, name, "openapi.yaml"), out: path.join(dir, "sdk"), force: true });
    cpSync(path.join(fixtures, name, "consumer.ts"), path.join(dir, "consumer.ts"));
    fixtureDirs[name] = dir;
  }
  const groups: Array<[string, Record<string, string>, Array<[string, string]>]> = [["fixtures", fixtureDirs, FIXTURE_CELLS]];
  if (hasGithub) {
    const dir = path.join(sources, "github");
    await generate({ input: githubSpec, out: path.join(dir, "sdk"), force: true });
    writeFileSync(path.join(dir, "consumer.ts"), GITHUB_CONSUMER);
    groups.push(["github", { github: dir }, GITHUB_CELLS]);
  }
  const jobs: Array<() => Promise<void>> = [];
  for (const [group, dirs, cells] of groups) {
    const roots = writeProjects(group, dirs);
    for (const [version, setup] of cells) {
      const project = SETUPS[setup]!;
      const { options, unsupported } = forCompiler(version, project);
      if (unsupported) throw new Error(`${version} ${setup}: ${unsupported}`);
      const name = `${version}-${setup.replace(/\W+/g, "-")}`;
      jobs.push(async () => void results.push({ group, version, setup, output: await typeCheck(tsc[version], roots[project.package], name, options) }));
    }
  }
  await pooled(jobs, 2);
}

describe("the type-check matrix", () => {
  // Quiet 2-core machine: ~60 s for all cells with GitHub's; the limit allows 3x and a cold npm cache.
  beforeAll(() => {
    mkdirSync(WORK, { recursive: true });
    ready = runMatrix();
    return ready;
  }, 420_000);

  const cells = [...FIXTURE_CELLS.map(([version, setup]) => ["fixtures", version, setup]), ...(hasGithub ? GITHUB_CELLS.map(([version, setup]) => ["github", version, setup]) : [])];
  it.each(cells)("%s with TypeScript %s: %s", (group, version, setup) => {
    const cell = results.find((r) => r.group === group && r.version === version && r.setup === setup);
    expect(cell, "type-checked").toBeDefined();
    expect(cell!.output).toBe("");
  });

  // The fixtures only: on GitHub's 1,300 files it takes ~20 s, and tsc's noUnused* flags above cover the same ground there.
  it("typescript-eslint's recommended rules report nothing on the generated fixture SDKs", async () => {
    await ready;
    const eslint = new ESLint({ cwd: path.join(WORK, "sources/fixtures"), overrideConfigFile: true, overrideConfig: [...tseslint.configs.recommended] });
    const linted = await eslint.lintFiles(["*/sdk/**/*.ts"]);
    expect(linted.length).toBeGreaterThan(fixtureNames.length * 10);
    expect(linted.flatMap((r) => r.messages.map((m) => `${path.relative(WORK, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`))).toEqual([]);
  }, 120_000);

  it.skipIf(!hasGithub)("includes GitHub's SDK (../shared/specs/github-api.json)", () => {
    expect(results.some((r) => r.group === "github")).toBe(true);
  });
});
