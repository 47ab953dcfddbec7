import path from "node:path";
import { Source, type BaseResolver, type Document } from "@redocly/openapi-core";
import type { convertObj as ConvertObj } from "swagger2openapi";
import { SdkwrightError } from "../errors.js";
import { bundleDocument, type SpecProblem } from "./validate.js";

/** The property swagger2openapi (with `warnOnly`) puts next to what it could not convert losslessly. */
const WARN_PROPERTY = "x-s2o-warning";

export const SWAGGER_2 = "Swagger 2.0";

/**
 * `swagger: "2.0"`, or the common unquoted YAML `swagger: 2.0` (which parses as the number 2).
 * Normalises the latter in place so Redocly and swagger2openapi both recognise the document.
 */
export function isSwagger2(parsed: Record<string, unknown>): boolean {
  if (parsed["openapi"] !== undefined) return false;
  if (parsed["swagger"] === 2) parsed["swagger"] = "2.0";
  return parsed["swagger"] === "2.0";
}

/**
 * Swagger 2.0 → one OpenAPI 3.0 document. External `$ref`s are bundled first by Redocly (so
 * multi-file Swagger works, and a broken `$ref` is reported with the file and line where it is
 * written); swagger2openapi then converts the single document, patching small mistakes.
 * Whatever it cannot convert losslessly becomes a warning.
 */
export async function convertSwagger2(root: Document, resolver: BaseResolver): Promise<{ document: Document; warnings: SpecProblem[] }> {
  const file = root.source.absoluteRef;
  const single = (await bundleDocument(root, {}, resolver)) as Parameters<typeof ConvertObj>[0];
  // Loaded only for Swagger 2.0 input, so OpenAPI 3 runs do not pay for it.
  const { convertObj } = await import("swagger2openapi");

  let converted: { openapi: unknown; patches: number };
  try {
    converted = await convertObj(single, {
      patch: true,
      warnOnly: true,
      warnProperty: WARN_PROPERTY,
      resolve: false,
      anchors: true, // YAML aliases: copy the shared node instead of refusing the document
      text: root.source.body, // otherwise the converter re-serialises the whole document to YAML
      source: file,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SdkwrightError(`cannot convert ${path.basename(file)} from Swagger 2.0 to OpenAPI 3.0: ${message}`, {
      location: { file },
      hint: "fix the Swagger 2.0 document at the place named, or convert it yourself (`npx swagger2openapi spec.json -o openapi.json`) and pass the OpenAPI 3 file",
      cause: error,
    });
  }

  const openapi = converted.openapi as Record<string, unknown>;
  const warnings: SpecProblem[] = [];
  collectConversionWarnings(openapi, "", file, warnings);
  if (converted.patches > 0) {
    warnings.push({
      code: "swagger2-conversion",
      message: `Swagger 2.0 conversion applied ${converted.patches} automatic fix(es) to the document (e.g. \`required: true\` added to a path parameter, a missing response description filled in); run \`npx swagger2openapi ${path.basename(file)}\` without --patch to see the first one`,
      location: { file },
    });
  }
  const source = new Source(file, JSON.stringify(openapi, null, 2), "application/json");
  return { document: { source, parsed: openapi }, warnings };
}

/** Moves each `x-s2o-warning` out of the converted document into a warning with its JSON pointer. */
function collectConversionWarnings(node: unknown, pointer: string, file: string, out: SpecProblem[]): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectConversionWarnings(item, `${pointer}/${index}`, file, out));
    return;
  }
  const record = node as Record<string, unknown>;
  if (WARN_PROPERTY in record) {
    out.push({ code: "swagger2-conversion", message: `Swagger 2.0 conversion: ${String(record[WARN_PROPERTY])}`, location: { file, pointer } });
    delete record[WARN_PROPERTY];
  }
  for (const [key, value] of Object.entries(record)) {
    collectConversionWarnings(value, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, file, out);
  }
}
