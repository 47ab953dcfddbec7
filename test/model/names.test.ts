import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SDK_EXPORTS, camelCase, kebabCase, memberName, pascalCase, safeIdentifier, uniqueName, words } from "../../src/model/names.js";

describe("names", () => {
  it.each([
    ["pet_id", ["pet", "id"]],
    ["PetID", ["pet", "id"]],
    ["x-rate-limit", ["x", "rate", "limit"]],
    ["Messages.json", ["messages", "json"]],
    ["café", ["cafe"]],
    ["@me", ["me"]],
    ["$ref", ["ref"]],
    ["HTTPServer", ["http", "server"]],
    ["", []],
  ])("words(%j) = %j", (input, expected) => {
    expect(words(input)).toEqual(expected);
  });

  it.each([
    ["pet_id", "petId"],
    ["IsoCode", "isoCode"],
    ["default", "default_"],
    ["class", "class_"],
    ["2fa-code", "_2faCode"],
    ["!!!", "value"],
  ])("camelCase(%j) is a safe identifier %j", (input, expected) => {
    expect(camelCase(input)).toBe(expected);
  });

  it("memberName keeps reserved words, which are valid after a dot", () => {
    expect(memberName("delete")).toBe("delete");
    expect(memberName("GetPetById")).toBe("getPetById");
    expect(memberName("1st")).toBe("_1st");
    expect(memberName("constructor")).toBe("constructor_");
    expect(memberName("__proto__")).toBe("proto");
  });

  it("pascalCase never shadows a global or runtime name", () => {
    expect(pascalCase("pets comments")).toBe("PetsComments");
    expect(pascalCase("error")).toBe("ErrorResource");
    expect(pascalCase("promise")).toBe("PromiseResource");
  });

  it("kebabCase gives file-system-safe names", () => {
    expect(kebabCase("../../etc/passwd")).toBe("etc-passwd");
    expect(kebabCase("ByocTrunks")).toBe("byoc-trunks");
  });

  it("safeIdentifier and uniqueName", () => {
    expect(safeIdentifier("await")).toBe("await_");
    const taken = new Set(["get"]);
    expect(uniqueName("get", taken)).toBe("get2");
    expect(uniqueName("get", taken)).toBe("get3");
    expect(uniqueName("list", taken)).toBe("list");
  });
});

describe("SDK_EXPORTS", () => {
  it("lists every name the runtime exports, so no class or alias can shadow one", async () => {
    const runtime = await import("../../templates/index.js");
    const source = readFileSync(path.resolve(import.meta.dirname, "../../templates/index.ts"), "utf8");
    const errors = readFileSync(path.resolve(import.meta.dirname, "../../templates/errors.ts"), "utf8");
    const typeNames = [...source.matchAll(/\b(?:type\s+)?([A-Z][A-Za-z]+)\b(?=[,\s}])/g)].map((m) => m[1]!).filter((n) => n !== "" && !["Promise"].includes(n));
    const errorTypes = [...errors.matchAll(/export (?:interface|type) ([A-Za-z]+)/g)].map((m) => m[1]!);
    for (const name of [...Object.keys(runtime), ...typeNames, ...errorTypes]) expect(SDK_EXPORTS.has(name), name).toBe(true);
  });
});
