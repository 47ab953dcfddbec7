import { describe, expect, it } from "vitest";
import { closest, unknownArgumentHint } from "../src/suggest.js";

const OPTIONS = ["out", "config", "base-url", "emit", "format", "check", "watch", "force", "quiet", "json", "ignore-warnings", "timeout"];

describe("did you mean", () => {
  it.each([
    ["outt", "out"],
    ["fromat", "format"],
    ["ignore-warning", "ignore-warnings"],
    ["baseurl", "base-url"],
    ["timout", "timeout"],
    ["zzz", undefined],
    ["verbose", undefined],
  ])("%s → %s", (typed, expected) => {
    expect(closest(typed, OPTIONS)).toBe(expected);
  });

  it("answers yargs' message, one hint per close flag", () => {
    expect(unknownArgumentHint("Unknown arguments: outt, zzz, fromat", OPTIONS)).toBe("--outt: did you mean --out?; --fromat: did you mean --format?");
    expect(unknownArgumentHint("Unknown argument: zzz", OPTIONS)).toBeUndefined();
    expect(unknownArgumentHint("Unknown arguments: ignore-warning, ignoreWarning", OPTIONS)).toBe("--ignore-warning: did you mean --ignore-warnings?");
    expect(unknownArgumentHint("Not enough arguments", OPTIONS)).toBeUndefined();
  });
});
