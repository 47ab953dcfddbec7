import type { Change, DiffReport } from "./types.js";

/** The semver bump a release of the SDK needs: any breaking change is major; anything added or widened is minor. */
export function verdictOf(changes: Change[]): DiffReport["verdict"] {
  if (changes.some((change) => change.severity === "breaking")) return "major";
  return changes.length > 0 ? "minor" : "patch";
}

/** The report as `sdkwright diff` prints it: the verdict, then breaking and compatible changes grouped by method. */
export function formatDiff(report: DiffReport, labels: { before: string; after: string }): string {
  const { methods } = report;
  const lines = [
    `sdkwright diff ${labels.before} → ${labels.after}`,
    `verdict: ${report.verdict} (${report.breaking} breaking, ${report.compatible} compatible change${report.compatible === 1 ? "" : "s"})`,
    `methods: ${methods.before} → ${methods.after} (${methods.added} added, ${methods.removed} removed, ${methods.renamed} renamed)`,
  ];
  for (const severity of ["breaking", "compatible"] as const) {
    const changes = report.changes.filter((change) => change.severity === severity);
    if (changes.length === 0) continue;
    lines.push("", `${severity === "breaking" ? "Breaking" : "Compatible"} (${changes.length}):`);
    let last = "";
    for (const change of changes) {
      const head = `${change.method}()  ${change.operation}`;
      if (head !== last) lines.push(`  ${head}`);
      last = head;
      lines.push(`    ${change.where ? `${change.where}: ` : ""}${change.message}`);
    }
  }
  if (report.notes.length > 0) lines.push("", `Names kept by the lock file (${report.notes.length}):`, ...report.notes.map((note) => `  ${note}`));
  if (report.changes.length === 0) lines.push("", "No change to the SDK's methods or their types.");
  return lines.join("\n") + "\n";
}
