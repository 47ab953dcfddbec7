import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";

export { ts } from "../typescript.js";

/*
 * openapi-typescript's transformers, loaded with `require` from their own modules. Its ES build
 * would import TypeScript as an ES module (see ../typescript.ts), and its entry point would also
 * load all of Redocly (0.13 s), which only its own `openapiTS()` uses.
 */
const require = createRequire(import.meta.url);

type Transformers = Pick<typeof OpenapiTypescript, "astToString" | "resolveRef" | "scanDiscriminators" | "stringToAST" | "transformSchema">;

export const openapiTypescript: Transformers = loadTransformers();

function loadTransformers(): Transformers {
  try {
    const { astToString, stringToAST } = require("openapi-typescript/dist/lib/ts.cjs");
    const { resolveRef, scanDiscriminators } = require("openapi-typescript/dist/lib/utils.cjs");
    const transformers: Transformers = { transformSchema: require("openapi-typescript/dist/transform/index.cjs"), astToString, stringToAST, resolveRef, scanDiscriminators };
    if (Object.values(transformers).every((value) => typeof value === "function")) return transformers;
  } catch {
    // A release that moved its modules: the entry point has them all.
  }
  return require("openapi-typescript");
}
