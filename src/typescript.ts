import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

/**
 * TypeScript, loaded with `require`: imported as an ES module, Node would first scan its 9 MB
 * CommonJS source to list its named exports (0.25 s of CPU, more than running it).
 */
export const ts: typeof TypeScript = createRequire(import.meta.url)("typescript");
