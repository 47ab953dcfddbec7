// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, and the
// inclusive CPU time of named pipeline functions.
import { readFileSync } from "node:fs";
import path from "node:path";

export function summariseProfile(file, { root, pipeline = [] } = {}) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 1; i < samples.length; i++) self.set(samples[i - 1], (self.get(samples[i - 1]) ?? 0) + timeDeltas[i]);
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);

  const where = (frame) => {
    const url = frame.url ?? "";
    if (!url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
    if (url.startsWith("node:")) return "node internals";
    const file = url.replace(/^file:\/\//, "");
    const nm = file.lastIndexOf("/node_modules/");
    if (nm >= 0) {
      const parts = file.slice(nm + "/node_modules/".length).split("/");
      return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    }
    if (root && file.startsWith(root)) return `sdkwright ${path.relative(root, file)}`;
    return file;
  };
  const label = (frame) => {
    const url = (frame.url ?? "").replace(/^file:\/\//, "");
    const nm = url.lastIndexOf("/node_modules/");
    const short = nm >= 0 ? url.slice(nm + "/node_modules/".length) : root && url.startsWith(root) ? path.relative(root, url) : url;
    return `${frame.functionName || "(anonymous)"}${short ? ` ${short}:${frame.lineNumber + 1}` : ""}`;
  };

  const functions = new Map();
  const packages = new Map();
  for (const [id, us] of self) {
    const frame = byId.get(id).callFrame;
    const key = label(frame);
    const f = functions.get(key) ?? { name: key, package: where(frame), us: 0 };
    f.us += us;
    functions.set(key, f);
    const pkg = where(frame).replace(/^sdkwright .*/, "sdkwright (dist/)");
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }

  // Inclusive time of each named pipeline function (outermost frame only, so recursion is not double counted).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = Object.fromEntries(pipeline.map((name) => [name, 0]));
  for (const [id, us] of self) {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const name = byId.get(cur).callFrame.functionName;
      if (name in inclusive && !seen.has(name)) {
        seen.add(name);
        inclusive[name] += us;
      }
    }
  }

  const ms = (us) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(totalUs),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 20)
      .map((f) => ({ name: f.name, package: f.package, ms: ms(f.us), pct: (100 * f.us) / totalUs })),
    packages: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: ms(us), pct: (100 * us) / totalUs })),
    pipeline: Object.entries(inclusive).map(([name, us]) => ({ name, ms: ms(us), pct: (100 * us) / totalUs })),
  };
}
