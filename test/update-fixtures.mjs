// Regenerates the committed SDK of every fixture (run after a deliberate change to the output:
// `npm run fixtures`). The fixtures test fails until this has been run and the diff reviewed.
import { readdirSync, existsSync } from "node:fs";
import { generate } from "../dist/index.js";

const root = new URL("../fixtures/", import.meta.url);
for (const name of readdirSync(root).sort()) {
  const spec = new URL(`${name}/openapi.yaml`, root);
  if (!existsSync(spec)) continue;
  // `rename`: the committed SDKs show the current naming rules, not the names an earlier run locked.
  const result = await generate({ input: spec.pathname, out: new URL(`${name}/sdk`, root).pathname, force: true, rename: true });
  console.log(`${name}: ${result.stats.methods} methods, ${result.stats.files} files`);
}
