#!/usr/bin/env node
import { readFileSync } from "node:fs";
import path from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { SdkwrightError } from "./errors.js";
import { readConfig } from "./config.js";
import { generate } from "./generate.js";
import { formatInspection, inspect } from "./inspect.js";

/** argv → options → generate → one line on stdout, or a readable error on stderr and exit code 1. */
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

const MAX_WARNINGS_SHOWN = 20;

async function runGenerate(argv: { spec: string; out: string; force: boolean; quiet: boolean; config: string | undefined }): Promise<void> {
  const model = argv.config === undefined ? {} : readConfig(argv.config);
  const result = await generate({ input: argv.spec, out: argv.out, force: argv.force, model });
  if (!argv.quiet) {
    for (const warning of result.warnings.slice(0, MAX_WARNINGS_SHOWN)) process.stderr.write(`warning: ${warning}\n`);
    if (result.warnings.length > MAX_WARNINGS_SHOWN) process.stderr.write(`warning: ... and ${result.warnings.length - MAX_WARNINGS_SHOWN} more\n`);
  }
  const { resources, methods, files, ms } = result.stats;
  process.stdout.write(
    `sdkwright: ${resources} resources, ${methods} methods, ${files} files → ${path.relative(process.cwd(), path.resolve(argv.out)) || "."} in ${(ms / 1000).toFixed(2)} s\n`,
  );
}

/** yargs' wording for a missing positional names no argument; say which one. */
function friendly(message: string): string {
  return /Not enough non-option arguments/.test(message) ? "missing the spec to read: sdkwright generate <spec> --out <dir>" : message;
}

async function runInspect(argv: { spec: string; json: boolean; config: string | undefined }): Promise<void> {
  const model = await inspect(argv.spec, { model: argv.config === undefined ? {} : readConfig(argv.config) });
  process.stdout.write(argv.json ? JSON.stringify(model, null, 2) + "\n" : formatInspection(model));
}

const configOption = { type: "string", describe: "JSON file with resource-model overrides (see docs/resource-model.md)" } as const;

await yargs(hideBin(process.argv))
  .scriptName("sdkwright")
  .usage("$0 <command> [options]")
  .command(
    "generate <spec>",
    "Generate a typed TypeScript SDK from an OpenAPI description",
    (y: Argv) =>
      y
        .positional("spec", { type: "string", demandOption: true, describe: "OpenAPI file (JSON or YAML) or http(s) URL" })
        .option("out", { alias: "o", type: "string", demandOption: true, describe: "Output folder (replaced atomically)" })
        .option("force", { type: "boolean", default: false, describe: "Generate into a folder sdkwright did not create (its files are kept)" })
        .option("quiet", { alias: "q", type: "boolean", default: false, describe: "Print no warnings" })
        .option("config", configOption)
        .example("$0 generate openapi.yaml --out src/api", "Write the SDK to src/api"),
    runGenerate,
  )
  .command(
    "inspect <spec>",
    "Show the resource tree that would be generated: methods, HTTP calls, retry safety, semantics lint",
    (y: Argv) =>
      y
        .positional("spec", { type: "string", demandOption: true, describe: "OpenAPI file (JSON or YAML) or http(s) URL" })
        .option("json", { type: "boolean", default: false, describe: "Print the model as JSON" })
        .option("config", configOption)
        .example("$0 inspect openapi.yaml", "Print the resource tree"),
    runInspect,
  )
  .demandCommand(1, "Name a command: sdkwright generate <spec> --out <dir>")
  .strict()
  .version(version)
  .help()
  .alias("h", "help")
  .fail((message, error) => {
    if (error instanceof SdkwrightError) process.stderr.write(error.format() + "\n");
    else if (error) process.stderr.write(`error: ${error.message}\n  this is a bug in sdkwright; please report it with the spec that caused it\n${error.stack ?? ""}\n`);
    else process.stderr.write(`error: ${friendly(message)}\n  run \`sdkwright --help\` for usage\n`);
    process.exit(1);
  })
  .parseAsync();
