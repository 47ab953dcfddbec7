#!/usr/bin/env node
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { enableCodeCache, saveCodeCache } from "./code-cache.js";
import { resolveTargets, type EmitFormat, type Target } from "./config.js";
import { SdkwrightError } from "./errors.js";
import type { GenerateResult } from "./generate.js";
import { formatCheck } from "./output/check.js";
import { unknownArgumentHint } from "./suggest.js";
import { VERSION } from "./version.js";
import { formatWarning, plural, summarizeWarnings, type Warning } from "./warnings.js";

/* argv → options → generate; prints; exit codes. The work itself lives in generate() and inspect(). */

/** The first few of each code, so one noisy code does not hide the others; `inspect` lists them all. */
const WARNINGS_SHOWN_PER_CODE = 3;

interface GenerateArgs {
  spec: string | undefined;
  out: string | undefined;
  config: string | false | undefined;
  baseUrl: string | undefined;
  emit: EmitFormat | undefined;
  importExtension: "js" | "ts" | undefined;
  format: boolean | undefined;
  ignoreWarnings: string[] | undefined;
  timeout: number | undefined;
  force: boolean;
  check: boolean;
  quiet: boolean;
  json: boolean;
  watch: boolean;
  rename: boolean;
}

/** Ctrl-C during a run: stop before the output is swapped in, so the previous output stays whole. */
const interrupt = new AbortController();

function abortOnSignals(what: string): void {
  process.once("SIGINT", () => interrupt.abort(new SdkwrightError(`interrupted${what}`)));
  process.once("SIGTERM", () => interrupt.abort(new SdkwrightError(`terminated${what}`)));
}

async function runGenerate(argv: GenerateArgs): Promise<void> {
  const targets = await resolveTargets(argv, process.cwd());
  if (!argv.watch) abortOnSignals(": the previous output was left as it was");
  const ok = await generateAll(targets, argv);
  if (!argv.watch) {
    process.exitCode = ok ? 0 : 1;
    return;
  }
  await watchAndRegenerate(targets, argv);
}

/** Runs every target; returns false when one failed or (with --check) is out of date. */
async function generateAll(targets: Array<Target & { input: string }>, argv: GenerateArgs): Promise<boolean> {
  enableCodeCache();
  // Loaded here, not at start-up, so `--help` and `--version` answer at once.
  const { generate } = await import("./generate.js");
  const reports: unknown[] = [];
  let ok: boolean;
  try {
    ok = await generateTargets(generate, targets, argv, reports);
  } finally {
    saveCodeCache();
  }
  if (argv.json) process.stdout.write(JSON.stringify(reports, null, 2) + "\n");
  return ok;
}

async function generateTargets(generate: typeof import("./generate.js").generate, targets: Array<Target & { input: string }>, argv: GenerateArgs, reports: unknown[]): Promise<boolean> {
  let ok = true;
  for (const target of targets) {
    const out = target.output!;
    const shown = path.relative(process.cwd(), out) || ".";
    try {
      const result = await generate({
        input: target.input,
        out,
        force: argv.force,
        check: argv.check,
        ...(target.emit ? { emit: target.emit } : {}),
        ...(target.importExtension ? { importExtension: target.importExtension } : {}),
        ...(target.format === undefined ? {} : { format: target.format }),
        signal: interrupt.signal,
        model: target.model,
        rename: argv.rename,
        ...(target.ignoreWarnings ? { ignoreWarnings: target.ignoreWarnings } : {}),
        ...(argv.timeout === undefined ? {} : { timeoutMs: argv.timeout * 1000 }),
        ...(showProgress(argv) ? { onProgress: (stage: string) => process.stderr.write(`sdkwright: ${stage}…\n`) } : {}),
      });
      ok &&= result.check?.upToDate ?? true;
      // With several specs, each warning says which one it is about.
      if (targets.length > 1) for (const w of result.diagnostics) w.spec = path.relative(process.cwd(), target.input) || target.input;
      // A stale output folder: also what regenerating it would change for the SDK's users (src/diff).
      const upgrade = result.check && !result.check.upToDate ? await (await import("./diff/stale-output.js")).diffStaleOutput(out, result.files).catch(noReport) : undefined;
      if (argv.json) reports.push({ ...report(target, result), ...(upgrade ? { diff: upgrade } : {}) });
      else printResult(result, shown, argv);
      if (upgrade && !argv.json) process.stderr.write("\n" + (await import("./diff/report.js")).formatDiff(upgrade, { before: shown, after: path.relative(process.cwd(), target.input) || target.input }));
      lastSources.set(target.input, result.sources);
    } catch (error) {
      if (!argv.watch && !argv.json) throw error;
      ok = false;
      if (argv.json) reports.push({ ok: false, spec: target.input, out, error: describeError(error) });
      else process.stderr.write(formatError(error) + "\n");
    }
  }
  return ok;
}

/** The report is extra: a failure to make it leaves `--check`'s own verdict standing, and says so. */
function noReport(error: unknown): undefined {
  process.stderr.write(`sdkwright: could not compare the committed SDK with the new one: ${error instanceof Error ? error.message : String(error)}\n`);
  return undefined;
}

function printResult(result: GenerateResult, shown: string, argv: GenerateArgs): void {
  const warnings = result.diagnostics;
  if (!argv.quiet) {
    const sample = sampleWarnings(warnings);
    for (const warning of sample) process.stderr.write(formatWarning(warning) + "\n");
    if (warnings.length > sample.length) process.stderr.write(`warning: ... and ${warnings.length - sample.length} more, all listed by \`sdkwright inspect\`\n`);
    if (warnings.length > 1) {
      const spec = warnings[0]!.spec ? `${warnings[0]!.spec}: ` : "";
      process.stderr.write(`warning: ${spec}${summarizeWarnings(warnings)}; silence a category or code with --ignore-warnings <name>\n`);
    }
  }
  if (result.check) {
    const text = formatCheck(shown, result.check);
    if (result.check.upToDate) {
      if (!argv.quiet) process.stdout.write(text);
    } else process.stderr.write(text);
    return;
  }
  const { resources, methods, files, ms } = result.stats;
  if (!argv.quiet) process.stdout.write(`sdkwright: ${plural(resources, "resource")}, ${plural(methods, "method")}, ${plural(files, "file")} → ${shown} in ${(ms / 1000).toFixed(2)} s\n`);
}

function sampleWarnings(warnings: Warning[]): Warning[] {
  const seen = new Map<string, number>();
  return warnings.filter((w) => {
    const count = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, count);
    return count <= WARNINGS_SHOWN_PER_CODE;
  });
}

function report(target: Target & { input: string }, result: GenerateResult) {
  return {
    ok: result.check?.upToDate ?? true,
    spec: target.input,
    out: target.output,
    ...result.stats,
    warnings: result.warnings,
    diagnostics: result.diagnostics,
    ...(result.check ? { check: result.check } : {}),
  };
}

function showProgress(argv: GenerateArgs): boolean {
  return process.stderr.isTTY === true && !argv.quiet && !argv.json;
}

/** Files each spec was read from, so --watch also sees changes in files reached by `$ref`. */
const lastSources = new Map<string, string[]>();

/** --watch: regenerates when a spec file (or a file it references) changes; errors are shown, not fatal. */
async function watchAndRegenerate(targets: Array<Target & { input: string }>, argv: GenerateArgs): Promise<void> {
  const watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rewatch = () => {
    for (const watcher of watchers.splice(0)) watcher.close();
    const files = new Set(targets.flatMap((t) => lastSources.get(t.input) ?? [t.input]).filter((f) => !/^https?:/i.test(f)));
    for (const file of files) {
      try {
        watchers.push(watch(file, () => schedule()));
      } catch {
        // A file that vanished is picked up again at the next successful run.
      }
    }
    process.stderr.write(`sdkwright: watching ${files.size} file${files.size === 1 ? "" : "s"} (Ctrl-C to stop)\n`);
  };
  const schedule = () => {
    clearTimeout(timer);
    // Editors write a file in several steps; one regeneration per burst of changes.
    timer = setTimeout(async () => {
      await generateAll(targets, argv);
      rewatch();
    }, 150);
  };
  rewatch();
  await new Promise<void>((resolve) => process.once("SIGINT", () => (watchers.forEach((w) => w.close()), resolve())));
}

interface InspectArgs {
  spec: string | undefined;
  json: boolean;
  config: string | false | undefined;
  ignoreWarnings: string[] | undefined;
  timeout: number | undefined;
}

async function runInspect(argv: InspectArgs): Promise<void> {
  const [target] = await resolveTargets(argv, process.cwd(), false);
  // No signal handler: inspect writes nothing, so Ctrl-C may end it at once, mid-fetch or mid-validation.
  const { formatInspection, inspect } = await import("./inspect.js");
  const model = await inspect(target!.input, {
    model: target!.model,
    ...(target!.ignoreWarnings ? { ignoreWarnings: target!.ignoreWarnings } : {}),
    ...(argv.timeout === undefined ? {} : { timeoutMs: argv.timeout * 1000 }),
  });
  process.stdout.write(argv.json ? JSON.stringify(model, null, 2) + "\n" : formatInspection(model));
}

function describeError(error: unknown) {
  if (error instanceof SdkwrightError) return { message: error.message, location: error.location, hint: error.hint, details: error.details };
  return { message: error instanceof Error ? error.message : String(error) };
}

function formatError(error: unknown): string {
  if (error instanceof SdkwrightError) return error.format();
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
  return `error: ${text}\n  this is a bug in sdkwright; please report it with the spec that caused it`;
}

const configOption = { type: "string", describe: "Config file (default: sdkwright.config.{json,mjs,ts} in the current folder); --no-config reads none" } as const;
const ignoreWarningsOption = {
  type: "string",
  array: true,
  describe: "Warning categories (spec, conversion, semantics, naming, auth, output) or codes not to show; comma-separated or repeated",
  coerce: (names: string[]) => names.flatMap((name) => name.split(",")).map((name) => name.trim()).filter(Boolean),
} as const;
const timeoutOption = { type: "number", describe: "Seconds to wait for each http(s) file of the spec (default 30)" } as const;

/** The options of the command being parsed, for "did you mean --out?" (yargs suggests commands, not options). */
let commandOptions: string[] = [];
function rememberOptions(y: Argv): Argv {
  // The method exists at run time; yargs' typings do not list it.
  const known = (y as unknown as { getOptions?: () => { key: Record<string, unknown> } }).getOptions?.().key ?? {};
  commandOptions = Object.keys(known).filter((key) => key.length > 1 && !/[A-Z]/.test(key));
  return y;
}

/** Help uses the whole terminal (yargs wraps at 80 when it cannot tell), so example commands stay on one line. */
function terminalWidth(): number {
  return process.stdout.columns ?? (Number(process.env["COLUMNS"]) || 80);
}

await yargs(hideBin(process.argv))
  .scriptName("sdkwright")
  .usage("$0 <command> [options]\n\nGenerate typed TypeScript SDKs from OpenAPI descriptions, with HTTP semantics done right.")
  .command(
    "generate [spec]",
    "Generate a typed TypeScript SDK from an OpenAPI description",
    (y: Argv) =>
      rememberOptions(y
        .positional("spec", { type: "string", describe: "OpenAPI file (JSON or YAML) or http(s) URL; default: from the config file" })
        .option("out", { alias: "o", type: "string", describe: "Output folder (replaced atomically)" })
        .option("config", configOption)
        .option("base-url", { type: "string", describe: "Default base URL of the client (instead of the spec's first server)" })
        .option("emit", { choices: ["ts", "js", "cjs"] as const, describe: "TypeScript sources (default), or .js + .d.ts as ES modules or CommonJS" })
        .option("import-extension", { choices: ["js", "ts"] as const, describe: "How the TypeScript output imports its own modules: ./x.js (default) or ./x.ts (Deno, node main.ts)" })
        .option("format", { type: "boolean", describe: "Format the output with this project's Prettier" })
        .option("check", { type: "boolean", default: false, describe: "Write nothing; exit 1 if the output folder is not what the spec produces now (for CI)" })
        .option("watch", { alias: "w", type: "boolean", default: false, describe: "Regenerate when the spec or a file it references changes" })
        .option("force", { type: "boolean", default: false, describe: "Generate into a folder sdkwright did not create: its files are kept, except same-named ones, which generated files replace (each is named)" })
        .option("rename", { type: "boolean", default: false, describe: "Name every method afresh instead of keeping the names in the output's sdkwright.lock.json" })
        .option("ignore-warnings", ignoreWarningsOption)
        .option("timeout", timeoutOption)
        .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print nothing but errors" })
        .option("json", { type: "boolean", default: false, describe: "Print a machine-readable report on stdout" })
        .example("$0 generate openapi.yaml --out src/api", "Write the SDK to src/api")
        .example("$0 generate --check", "In CI: fail if the committed SDK is out of date (uses sdkwright.config.json)")
        .example("$0 generate openapi.yaml -o src/api --watch", "Regenerate on every change to the spec")),
    (argv) => runGenerate(argv as unknown as GenerateArgs),
  )
  .command(
    "inspect [spec]",
    "Show the resource tree that would be generated: methods, HTTP calls, retry safety, semantics lint",
    (y: Argv) =>
      rememberOptions(y
        .positional("spec", { type: "string", describe: "OpenAPI file (JSON or YAML) or http(s) URL; default: from the config file" })
        .option("json", { type: "boolean", default: false, describe: "Print the model as JSON" })
        .option("config", configOption)
        .option("ignore-warnings", ignoreWarningsOption)
        .option("timeout", timeoutOption)
        .example("$0 inspect openapi.yaml", "Print the resource tree")
        .example("$0 inspect openapi.yaml --json", "The same model as JSON, for scripts")),
    (argv) => runInspect(argv as unknown as InspectArgs),
  )
  .command(
    "diff <before> <after>",
    "What a spec change does to the SDK: methods and types added, removed or changed, breaking or not, and the semver bump",
    (y: Argv) =>
      rememberOptions(y
        .positional("before", { type: "string", demandOption: true, describe: "The old OpenAPI description (file or URL)" })
        .positional("after", { type: "string", demandOption: true, describe: "The new one" })
        .option("json", { type: "boolean", default: false, describe: "Print the report as JSON" })
        .option("fail-on", { choices: ["breaking", "any"] as const, describe: "Exit 1 if the report has a breaking change (or any change)" })
        .option("rename", { type: "boolean", default: false, describe: "Compare with fresh method names, as `generate --rename` gives, not the ones the lock keeps" })
        .example("$0 diff main.yaml openapi.yaml --fail-on breaking", "In CI: fail a pull request whose spec change breaks SDK users")),
    async (argv) => {
      enableCodeCache();
      try {
        process.exitCode = await (await import("./diff/cli.js")).runDiff(argv as unknown as import("./diff/cli.js").DiffArgs);
      } finally {
        saveCodeCache();
      }
    },
  )
  .demandCommand(1, "Name a command: sdkwright generate <spec> --out <dir>")
  .strict()
  .recommendCommands()
  .wrap(terminalWidth())
  .version(VERSION)
  .help()
  .alias("h", "help")
  .fail((message, error) => {
    if (error && interrupt.signal.aborted) {
      process.stderr.write(formatError(interrupt.signal.reason) + "\n");
      process.exit(130);
    }
    if (error) process.stderr.write(formatError(error) + "\n");
    else {
      const suggestion = message ? unknownArgumentHint(message, commandOptions) : undefined;
      process.stderr.write(`error: ${message}\n  ${suggestion ? `fix: ${suggestion}` : "run `sdkwright --help` for usage"}\n`);
    }
    process.exit(1);
  })
  .parseAsync();
