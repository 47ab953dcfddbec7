import { describe, expect, it } from "vitest";
import { collectWarnings, formatWarning, ignoreWarnings, plural, summarizeWarnings, unknownWarningName, warning } from "../src/warnings.js";

const model = {
  warnings: [
    "GET /a/{id}/b (a/get-b) would be a.get(), already taken by GET /a/{id} (a/get); generated as a.aGetB()",
    'security scheme "mtls" (mutualTLS) is not supported: send its credentials with `headers`',
  ],
  lint: [
    { method: "GET", path: "/search", call: "search.list", rule: "get-with-body" as const, reason: "GET with a request body" },
    { method: "GET", path: "/find", call: "find.list", rule: "get-with-body" as const, reason: "GET with a request body" },
    { method: "POST", path: "/a/{id}", call: "a.postA", rule: "post-on-item" as const, reason: "POST on an item URI" },
  ],
};
const spec = [{ code: "spec-structure", message: "nullable without type", location: { file: "/s.json", pointer: "/components/schemas/A" } }, { code: "info-version-not-string", message: "info.version is a number", fix: "quote it", location: { file: "/s.json", pointer: "/info/version" } }];

describe("warnings: codes and categories", () => {
  const all = collectWarnings(spec, model);

  it("gives every warning a stable code and a category", () => {
    expect(all.map((w) => [w.code, w.category])).toEqual([
      ["spec-structure", "spec"],
      ["info-version-not-string", "spec"],
      ["method-name-taken", "naming"],
      ["auth-scheme-unsupported", "auth"],
      ["get-with-body", "semantics"],
      ["get-with-body", "semantics"],
      ["post-on-item", "semantics"],
    ]);
  });

  it("a lint rule without an entry in the table is still a semantics warning under its own code", () => {
    const [w] = collectWarnings([], { warnings: [], lint: [{ method: "TRACE", path: "/", call: "x.trace", rule: "trace-operation" as never, reason: "TRACE" }] });
    expect(w).toMatchObject({ code: "trace-operation", category: "semantics" });
  });

  it("the lock file's and the wire rules' warnings have codes of their own (naming, semantics), so they can be silenced", () => {
    const found = collectWarnings([], {
      warnings: [
        "TRACE /pets/{id}: kept pets.tracePet() from the lock file; named afresh it would be pets.follow() because the spec names it differently now (operationId, x-sdk-method or path); pass --rename to take the new names",
        'GET /pets: ignoring the lock entry "pets": expected a method path such as "pets.get"',
      ],
      lint: [
        { method: "TRACE", path: "/x", call: "x.trace", rule: "unsendable-method" as const, reason: "fetch refuses TRACE" },
        { method: "GET", path: "/s", call: "s.get", rule: "unserializable-parameter" as const, reason: "an array of objects in a query" },
      ],
    });
    expect(found.map((w) => [w.code, w.category])).toEqual([
      ["name-kept-from-lock", "naming"],
      ["lock-entry-ignored", "naming"],
      ["unsendable-method", "semantics"],
      ["unserializable-parameter", "semantics"],
    ]);
  });

  it("silences by category or by code", () => {
    expect(ignoreWarnings(all, ["semantics"]).map((w) => w.code)).toEqual(["spec-structure", "info-version-not-string", "method-name-taken", "auth-scheme-unsupported"]);
    expect(ignoreWarnings(all, ["get-with-body", "spec"]).map((w) => w.code)).toEqual(["method-name-taken", "auth-scheme-unsupported", "post-on-item"]);
    expect(ignoreWarnings(all, [])).toBe(all);
  });

  it("refuses names that are neither a category nor a code", () => {
    expect(unknownWarningName(["semantics", "get-with-body"])).toBeUndefined();
    expect(unknownWarningName(["semantic"])).toBe("semantic");
  });

  it("counts per category, biggest code first", () => {
    expect(summarizeWarnings(all)).toBe("7 warnings: spec 2 (info-version-not-string 1, spec-structure 1); naming 1 (method-name-taken 1); auth 1 (auth-scheme-unsupported 1); semantics 3 (get-with-body 2, post-on-item 1)");
  });

  it("prints one line with the spec (in multi-spec runs), place, code and fix", () => {
    expect(formatWarning({ ...all[1]!, spec: "specs/billing.yaml" })).toBe("warning: specs/billing.yaml: info.version is a number (/s.json #/info/version) [info-version-not-string]; fix: quote it");
    expect(formatWarning(warning("post-on-item", "POST /a/{id}"))).toBe("warning: POST /a/{id} [post-on-item]");
  });

  it("says 1 resource, 2 resources", () => {
    expect([plural(1, "resource"), plural(2, "resource"), plural(0, "file")]).toEqual(["1 resource", "2 resources", "0 files"]);
  });
});
