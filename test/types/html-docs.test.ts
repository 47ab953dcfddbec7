import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { commentText } from "../../src/emit/docs.js";
import { generateSchemaTypes } from "../../src/types/index.js";
import { htmlToMarkdown } from "../../src/types/html-docs.js";

describe("HTML in descriptions becomes Markdown in TSDoc", { timeout: 60_000 }, () => {
  const cases: [string, string, string][] = [
    ["paragraphs and code (Stripe)", "<p>Retrieves a <code>Customer</code> object.</p><p>Second.</p>", "Retrieves a `Customer` object.\n\nSecond."],
    ["links", 'See <a href="/docs/api/expanding_objects">expanding</a> and <a href=\'https://x.test\'>x</a>.', "See [expanding](/docs/api/expanding_objects) and [x](https://x.test)."],
    ["emphasis, breaks and lists", "<strong>Note</strong>: <em>one</em><br>two<ul><li>a</li><li>b</li></ul>", "**Note**: _one_\ntwo\n\n- a\n- b"],
    ["entities", "<p>a &lt;b&gt; &amp;&quot;c&quot;</p>", 'a <b> &"c"'],
    ["unknown tags stay text (Stripe's `/v1/<currency>`)", "Price in <currency>, per <amount>", "Price in <currency>, per <amount>"],
    ["plain text is untouched", "Just text & more", "Just text & more"],
  ];
  it.each(cases)("%s", (_, html, markdown) => {
    expect(htmlToMarkdown(html)).toBe(markdown);
  });

  it("cannot be used to close the comment: conversion runs before `*/` is broken", () => {
    expect(commentText("<p>a *<strong>/ evil()</p>")).not.toContain("*/");
    const document = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { A: { type: "object", description: "<p>x *<b>/ export const pwned = 1; /*</p>", properties: { b: { type: "string", description: "<code>c</code>" } } } } },
    } as unknown as OpenAPI3;
    const output = generateSchemaTypes(document);
    expect(output).not.toMatch(/\*\/ export const pwned/);
    expect(output).toContain("`c`");
  });
});
