/**
 * The TypeScript type of a path parameter written out (`string`, `number`, `"asc" | "desc"`), so an
 * editor shows it on hover instead of an index chain into `paths`. Same types as openapi-typescript
 * gives these schemas; undefined (the caller indexes schema.ts instead) for anything else, a `$ref` included.
 */
export function plainParamType(schema: unknown): string | undefined {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return undefined;
  const record = schema as Record<string, unknown>;
  if (record["$ref"] !== undefined || record["oneOf"] || record["anyOf"] || record["allOf"]) return undefined;
  // A path segment is never null: `["string", "null"]` (3.1) and `nullable` (3.0) both mean the type alone here.
  const types = (Array.isArray(record["type"]) ? record["type"] : [record["type"]]).filter((type) => type !== "null");
  if (types.length !== 1) return undefined;
  const type = types[0];
  if (Array.isArray(record["enum"])) {
    const literals = record["enum"].filter((value) => value !== null);
    const fits = (value: unknown) => (type === "string" ? typeof value === "string" : (type === "integer" || type === "number") ? typeof value === "number" && Number.isFinite(value) : type === "boolean" && typeof value === "boolean");
    if (literals.length === 0 || !literals.every(fits)) return undefined;
    // JSON.stringify quotes and escapes spec text, so an enum value cannot break out of its literal.
    return [...new Set(literals.map((value) => JSON.stringify(value)))].join(" | ");
  }
  if (type === "string") return "string";
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  return undefined;
}
