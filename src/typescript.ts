import type * as TypeScript from "typescript";
import { requireCached } from "./code-cache.js";

/**
 * TypeScript, loaded with `require`: imported as an ES module, Node would first scan its 9 MB
 * CommonJS source to list its named exports (0.25 s of CPU, more than running it). Compiled from
 * V8's code cache when the CLI has enabled it (see code-cache.ts).
 */
export const ts: typeof TypeScript = requireCached("typescript");
