export interface DiffArgs {
  before: string;
  after: string;
  json: boolean;
  failOn: "breaking" | "any" | undefined;
  rename: boolean;
}

/**
 * `sdkwright diff <old-spec> <new-spec>`: prints the report; the exit code is 1 when `--fail-on`
 * names a kind of change the report has (`breaking`, or `any` change to the SDK's surface).
 */
export async function runDiff(argv: DiffArgs): Promise<number> {
  const { diffSpecs, formatDiff } = await import("./index.js");
  const report = await diffSpecs(argv.before, argv.after, { rename: argv.rename });
  process.stdout.write(argv.json ? JSON.stringify(report, null, 2) + "\n" : formatDiff(report, { before: argv.before, after: argv.after }));
  const failed = argv.failOn === "breaking" ? report.breaking > 0 : argv.failOn === "any" ? report.changes.length > 0 : false;
  if (failed && !argv.json) process.stderr.write(`sdkwright: failing because of ${argv.failOn === "breaking" ? `${report.breaking} breaking change${report.breaking === 1 ? "" : "s"}` : "changes to the SDK"} (--fail-on ${argv.failOn})\n`);
  return failed ? 1 : 0;
}
