import type { GeneratedFile } from "../emit/index.js";
import { SdkwrightError } from "../errors.js";

/**
 * How the generated TypeScript names its own modules. `js` (default): `./client.js`, what tsc's
 * NodeNext and Bundler resolution expect and what a tsc build emits as is. `ts`: `./client.ts`,
 * so runtimes that execute TypeScript themselves run the SDK without a build or resolver flags:
 * Deno, Node's type stripping (`node main.ts`), Bun. A tsc project then needs
 * `allowImportingTsExtensions` (with `noEmit`) or `rewriteRelativeImportExtensions` (TS 5.7+).
 */
export type ImportExtension = "js" | "ts";

/** Rewrites every relative `.js` module specifier of the generated `.ts` files to `.ts`. */
export async function withImportExtension(files: GeneratedFile[], extension: ImportExtension | undefined, emit: string | undefined): Promise<GeneratedFile[]> {
  if (extension === undefined || extension === "js") return files;
  if (emit !== undefined && emit !== "ts") {
    throw new SdkwrightError(`--import-extension ts applies to TypeScript output, not to --emit ${emit}`, {
      hint: "drop --import-extension (compiled JavaScript always imports .js files), or emit TypeScript",
    });
  }
  const { ts } = await import("../typescript.js");
  return files.map((file) => (file.path.endsWith(".ts") ? { path: file.path, content: rewrite(ts, file.content) } : file));
}

/**
 * Only real module specifiers change (found by TypeScript's import scanner), so a `./x.js` inside
 * a comment or string from the spec is left as it is.
 */
function rewrite(ts: typeof import("typescript"), source: string): string {
  const specifiers = ts.preProcessFile(source, true, true).importedFiles.filter((ref) => /^\.\.?\/.*\.js$/.test(ref.fileName));
  let result = "";
  let at = 0;
  for (const ref of specifiers) {
    // `pos` is at or just before the specifier's text (its opening quote).
    const end = source.indexOf(ref.fileName, ref.pos) + ref.fileName.length;
    result += source.slice(at, end - 3) + ".ts";
    at = end;
  }
  return result + source.slice(at);
}
