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
    why: "Prism deserializes an absent deepObject form field as an object (or array) and then requires its required sub-fields; the SDK sent no such field",
    test: (r) => r.outcome === "rejected" && r.detail.length > 0 && r.detail.every((v) => isAbsentField(r, v) && r.deepFields?.includes(field(v))),
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

function field(violation) {
  return /^body\.([^.:]+)/.exec(violation)?.[1];
}

function isAbsentField(result, violation) {
  const name = field(violation);
  return name !== undefined && Array.isArray(result.sentFields) && !result.sentFields.includes(name);
}

/** `{ cause, why }` for a result that is not accepted. */
export function explain(result) {
  for (const rule of RULES) if (rule.test(result)) return { cause: rule.cause, why: rule.why };
  return { cause: "unexplained", why: result.detail.join("; ") };
}
