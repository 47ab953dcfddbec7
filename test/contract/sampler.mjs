// Arguments from a schema: openapi-sampler's example values, then repaired where they break the
// schema in ways Prism checks but openapi-sampler misses: `pattern` (a minimal matching string,
// via randexp with every choice at its lowest), `format` (byte, uri, date-time, date, email),
// `enum`, booleans, and `oneOf`/`anyOf` (the first non-null alternative, with what it requires).
// Deterministic.
import OpenAPISampler from "openapi-sampler";
import RandExp from "randexp";

export function sample(document, schema, pass) {
  if (!schema) return undefined;
  const value = OpenAPISampler.sample(schema, options(pass), document);
  return repair(document, schema, value, 0, pass);
}

const options = (pass) => ({ skipReadOnly: true, skipNonRequired: pass === "required", quiet: true });

/** Canonical values for the formats Prism checks, where the sampled value has another shape. */
const FORMATS = {
  uri: [/^[a-z][a-z0-9+.-]*:/i, "https://example.com/"],
  url: [/^[a-z][a-z0-9+.-]*:/i, "https://example.com/"],
  "date-time": [/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/, "2024-01-01T00:00:00Z"],
  date: [/^\d{4}-\d\d-\d\d$/, "2024-01-01"],
  email: [/^[^@\s]+@[^@\s]+$/, "user@example.com"],
};

function resolve(document, value, depth = 0) {
  if (!value || typeof value.$ref !== "string" || depth > 32) return value;
  const node = value.$ref.replace(/^#\//, "").split("/").reduce((at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
  return resolve(document, node, depth + 1);
}

/** A string matching `pattern`: every choice at its lowest, or `offset` above it (for distinct values). */
function matching(pattern, offset = 0) {
  const generator = new RandExp(pattern);
  generator.randInt = (low, high) => Math.min(high, low + offset);
  return generator.gen();
}

const JSON_TYPE = (value) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" ? "number" : typeof value);

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function fits(document, raw, value) {
  const type = resolve(document, raw)?.type;
  if (type === undefined) return true;
  const actual = JSON_TYPE(value);
  return [type].flat().some((t) => t === actual || (t === "integer" && actual === "number"));
}

function repair(document, raw, value, depth, pass) {
  const schema = resolve(document, raw);
  if (!schema || typeof schema !== "object" || depth > 20 || value === undefined || value === null) return value;
  for (const part of schema.allOf ?? []) value = repair(document, part, value, depth + 1, pass);
  // openapi-sampler takes the first alternative, and samples `{}` for `type: null`: use the first non-null one.
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives?.length) {
    const chosen = alternatives.find((option) => resolve(document, option)?.type !== "null") ?? alternatives[0];
    // Also when the value lacks what the alternative requires (openapi-sampler drops those with skipNonRequired).
    const required = resolve(document, chosen)?.required ?? [];
    const missing = value && typeof value === "object" && required.some((key) => !(key in value));
    if (chosen !== alternatives[0] || missing || !fits(document, chosen, value)) {
      const resampled = OpenAPISampler.sample(chosen, options(pass), document);
      // Keep what the schema around the alternatives required (its own `required` properties).
      value = isObject(value) && isObject(resampled) ? { ...value, ...resampled } : resampled;
    }
    value = repair(document, chosen, value, depth + 1, pass);
    // An alternative that only lists `required` keys (GitHub's `anyOf: [{ required: [state] }, …]`) takes them from the properties beside it.
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const key of resolve(document, chosen)?.required ?? []) {
        if (!(key in value) && schema.properties?.[key]) value[key] = repair(document, schema.properties[key], OpenAPISampler.sample(schema.properties[key], options(pass), document), depth + 1, pass);
      }
    }
  }
  if (Array.isArray(schema.enum) && schema.enum.length && !schema.enum.includes(value)) return schema.enum[0];
  if (schema.type === "boolean" && typeof value !== "boolean") return typeof schema.default === "boolean" ? schema.default : true;
  // An int64 `minimum` beyond 2^53 is sampled as is, and fails `format: int64` in Prism: use a safe integer.
  if (typeof value === "number" && schema.type === "integer" && !Number.isSafeInteger(value)) return Math.min(Math.max(0, schema.minimum ?? 0), Number.MAX_SAFE_INTEGER);
  if (typeof value === "string") {
    const format = FORMATS[schema.format];
    if (format && !format[0].test(value)) value = format[1];
    if (schema.format === "byte" && !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) value = "c3RyaW5n";
    if (typeof schema.pattern === "string") {
      try {
        if (!new RegExp(schema.pattern, "u").test(value)) value = matching(schema.pattern);
      } catch {
        // A pattern JavaScript cannot read: the value stays as sampled.
      }
    }
    return value;
  }
  if (Array.isArray(value)) {
    value = value.map((item) => repair(document, schema.items, item, depth + 1, pass));
    const pattern = resolve(document, schema.items)?.pattern;
    // `uniqueItems`: sampled copies of one value are told apart by a pattern's next choices.
    if (schema.uniqueItems && typeof pattern === "string") {
      const seen = new Set();
      value = value.map((item) => {
        for (let offset = 1; seen.has(item) && offset < 10; offset++) item = matching(pattern, offset);
        seen.add(item);
        return item;
      });
    }
    return value;
  }
  if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      if (property) value[key] = repair(document, property, item, depth + 1, pass);
    }
  }
  return value;
}
