// Why a call was not accepted: ours (the SDK sent something the spec does not allow), the
// sampler's (the arguments did not fit the spec), the spec's (it declares something no client
// can send), or the validator's (Prism misreads a correct request). Each rule names a behaviour
// reproduced by hand against Prism 5 and says why the request was right; a result no rule
// explains stays "unexplained" and shows up in the report as such.
export const CAUSES = {
  ours: "the SDK sent something the spec does not allow",
  sampler: "the generated arguments do not satisfy the spec",
  spec: "the spec declares something no fetch-based client can send",
  validator: "Prism rejects or crashes on a request that follows the spec",
  unexplained: "not yet explained",
};

const RULES = [
  {
    cause: "spec",
    why: "TRACE: the Fetch standard forbids the method, so the SDK refuses it before sending (RequestBuildError)",
    test: (r) => r.outcome === "not-sent" && /cannot send TRACE/.test(r.detail[0]),
  },
  {
    cause: "spec",
    why: "an array of objects in a query has no serialization in OpenAPI's form style; the SDK refuses it before sending",
    test: (r) => r.outcome === "not-sent" && /is an array of objects or arrays/.test(r.detail[0]),
  },
  {
    cause: "validator",
    why: "Prism throws on an absent optional array header or an unexpected parameter shape (TypeError in its deserializer); the call is ended",
    test: (r) => r.outcome === "validator-crash",
  },
  {
    cause: "validator",
    why: "Prism deserializes an absent deepObject field or parameter as an empty object and then requires its required sub-fields; the SDK sent no such value",
    test: (r) => r.outcome === "rejected" && r.detail.length > 0 && r.detail.every((v) => absentDeepValue(r, v)),
  },
  {
    cause: "validator",
    why: "Prism's deepObject reader only descends into `type: object` / `type: array` schemas: a value under an `anyOf` (Stripe's `array | \"\"`) is sent but not read back, so Prism calls it missing",
    test: (r) => r.outcome === "rejected" && r.detail.length > 0 && r.detail.every((v) => absentDeepValue(r, v) || sentDeepValue(r, v)) && r.detail.some((v) => sentDeepValue(r, v)),
  },
  {
    cause: "validator",
    why: "Prism reads an array of objects in a form body only as JSON text; Stripe (and the spec's deepObject) write it `line_items[0][price]=…`",
    test: (r) => r.outcome === "rejected" && r.detail.some((v) => /Cannot deserialize JSON object array in form data/.test(v)),
  },
  {
    cause: "sampler",
    why: "the sampled required fields are all empty objects, which a deepObject form body cannot write (Stripe's own library sends nothing for them either), so Prism sees no body",
    test: (r) => r.outcome === "rejected" && r.detail.some((v) => /Body parameter is required/.test(v)) && r.sent?.body && Object.values(r.sent.body).every(isEmpty),
  },
  {
    cause: "sampler",
    why: "in the all-optionals pass the sampled body carries the optional fields of several `oneOf` alternatives, so it matches more than one",
    test: (r) => r.outcome === "rejected" && r.pass === "all" && r.detail.length > 0 && r.detail.every((v) => /^body: Request body must match exactly one schema in oneOf$/.test(v)),
  },
  {
    cause: "validator",
    why: "a path parameter declared `oneOf: [integer, string]`: Prism coerces the text `0` to an integer, so it matches both alternatives and fails `oneOf` (any number does; the SDK sent the sampled number as the path segment)",
    test: (r) => r.outcome === "rejected" && r.detail.length > 0 && r.detail.every((v) => /^path\.[^:]+: .*must match exactly one schema in oneOf/.test(v)),
  },
  {
    cause: "validator",
    why: "Prism reads each multipart part as one string: a JSON part (an object) or a repeated part (an array) fails its type check",
    test: (r) => r.outcome === "rejected" && r.format === "multipart" && r.detail.every((v) => /^body\.[^:]+: .*must be (object|array)/.test(v)),
  },
  {
    cause: "validator",
    why: "Prism keeps only the last value of a repeated form field (form, exploded, the default), so an array reads as a string",
    test: (r) => r.outcome === "rejected" && r.format === "form" && r.detail.every((v) => /^body\.[^:]+: .*must be (array|object)/.test(v)),
  },
];

/** `body.a.b: … must have required property 'x'` where `a.b.x` was sent, `a` written as a deepObject. */
function sentDeepValue(result, violation) {
  const match = /^(body|query)\.([^:]+): .*must have required property '([^']+)'/.exec(violation);
  if (!match) return false;
  const [where, location] = [match[1], [...match[2].split("."), match[3]]];
  const deep = where === "body" ? result.deepFields : result.deepQuery;
  if (!deep?.includes(location[0])) return false;
  let node = result.sent?.[where];
  for (const key of location) node = node === null || typeof node !== "object" ? undefined : node[key];
  return node !== undefined;
}

function isEmpty(value) {
  return value !== null && typeof value === "object" && Object.values(value).every(isEmpty);
}

/** `body.a.b: … must have required property 'x'` where `a.b` was not sent and `a` is written as a deepObject. */
function absentDeepValue(result, violation) {
  const match = /^(body|query)\.([^:]+): .*must have required property/.exec(violation);
  if (!match) return false;
  const [where, location] = [match[1], match[2].split(".")];
  const deep = where === "body" ? result.deepFields : result.deepQuery;
  if (!deep?.includes(location[0])) return false;
  let node = result.sent?.[where];
  for (const key of location) node = node === null || typeof node !== "object" ? undefined : node[key];
  return node === undefined;
}

/** `{ cause, why }` for a result that is not accepted. */
export function explain(result) {
  for (const rule of RULES) if (rule.test(result)) return { cause: rule.cause, why: rule.why };
  return { cause: "unexplained", why: result.detail.join("; ") };
}
