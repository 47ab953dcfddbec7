import { BaseResolver } from "@redocly/openapi-core";
import type { OpenAPI3 } from "openapi-typescript";
import { SdkwrightError } from "../errors.js";
import { readRootDocument, resolveInput } from "./read.js";
import { bundleDocument, validateDocument, type SpecProblem } from "./validate.js";

export interface LoadedSpec {
  /** The bundled OpenAPI 3.x document: external refs inlined, internal `#/...` refs kept. */
  document: OpenAPI3;
  /** Absolute path or URL of the root file. */
  source: string;
  warnings: SpecProblem[];
}

/** load → validate → bundle: a file path or http(s) URL to one validated OpenAPI 3 document. */
export async function loadSpec(input: string, options: { cwd?: string } = {}): Promise<LoadedSpec> {
  const source = resolveInput(input, options.cwd ?? process.cwd());
  const resolver = new BaseResolver();
  const root = await readRootDocument(source, resolver);
  checkVersion(root.parsed as Record<string, unknown>, source);
  const warnings = await validateDocument(root, resolver);
  const document = (await bundleDocument(root)) as OpenAPI3;
  return { document, source, warnings };
}

function checkVersion(parsed: Record<string, unknown>, file: string): void {
  const version = parsed["openapi"];
  if (typeof version === "string" && /^3\.[01]\.\d+/.test(version)) return;
  if (parsed["swagger"] !== undefined) {
    throw new SdkwrightError(`Swagger ${String(parsed["swagger"])} documents are not supported yet`, {
      location: { file, pointer: "/swagger" },
      hint: "convert it to OpenAPI 3 first (e.g. `npx swagger2openapi spec.json -o openapi.json`)",
    });
  }
  throw new SdkwrightError(
    version === undefined ? "not an OpenAPI document: no top-level `openapi` field" : `unsupported OpenAPI version: ${String(version)}`,
    {
      location: { file, pointer: version === undefined ? "" : "/openapi" },
      hint: "sdkwright reads OpenAPI 3.0 and 3.1 documents (`openapi: 3.0.3` or `openapi: 3.1.0` at the top level)",
    },
  );
}
