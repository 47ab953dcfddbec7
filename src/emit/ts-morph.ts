import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

/** ts-morph through `require`: imported as an ES module, Node would first scan its CommonJS source to list its named exports. */
export const { printStructure, StructureKind, VariableDeclarationKind } = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
