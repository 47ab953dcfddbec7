import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SdkwrightError } from "../errors.js";
import type { GeneratedFile } from "../emit/index.js";

interface Prettier {
  format(source: string, options: Record<string, unknown>): string | Promise<string>;
  resolveConfig?(file: string): Promise<Record<string, unknown> | null> | Record<string, unknown> | null;
}

/**
 * `--format`: runs the project's own Prettier (found from `cwd`, with the project's config) over
 * the output, so the SDK matches the codebase's style. sdkwright does not ship Prettier.
 */
export async function formatWithPrettier(files: GeneratedFile[], cwd: string, out: string): Promise<GeneratedFile[]> {
  let entry: string;
  try {
    entry = createRequire(path.join(cwd, "package.json")).resolve("prettier");
  } catch {
    throw new SdkwrightError("--format needs Prettier in this project, and none was found", {
      hint: "install it (`npm install -D prettier`) or drop --format",
    });
  }
  const loaded = (await import(pathToFileURL(entry).href)) as Prettier & { default?: Prettier };
  const prettier: Prettier = typeof loaded.format === "function" ? loaded : loaded.default!;
  const config = (await prettier.resolveConfig?.(path.join(out, "index.ts"))) ?? {};
  return Promise.all(
    files.map(async (file) =>
      /\.(ts|js|md)$/.test(file.path) ? { ...file, content: await prettier.format(file.content, { ...config, filepath: path.join(out, file.path) }) } : file,
    ),
  );
}
