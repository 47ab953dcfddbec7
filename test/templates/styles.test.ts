/**
 * Parameter and body serialization against the OpenAPI 3.1 style examples (§4.8.12.4, "Style
 * Examples": `color` = "blue" / ["blue","black","brown"] / {R:100,G:200,B:150}), and the wire format
 * of form and multipart bodies with `encoding` entries.
 */
import { describe, expect, it } from "vitest";
import { appendQuery, appendStyledCookies, encodeBody, encodePathParam, stylePairs, styleHeaders, type ParamStyle } from "../../templates/encode.js";
import { RequestBuildError } from "../../templates/errors.js";
import { createHttpClient, type Endpoint } from "../../templates/http-client.js";

const STRING = "blue";
const ARRAY = ["blue", "black", "brown"];
const OBJECT = { R: 100, G: 200, B: 150 };

describe("OpenAPI 3.1 style examples: path styles", () => {
  // [style, explode, string, array, object]; label and matrix as in RFC 6570, which the table follows.
  it.each<[NonNullable<ParamStyle["style"]>, boolean, string, string, string]>([
    ["matrix", false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
    ["matrix", true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
    ["label", false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
    ["label", true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
    ["simple", false, "blue", "blue,black,brown", "R,100,G,200,B,150"],
    ["simple", true, "blue", "blue,black,brown", "R=100,G=200,B=150"],
  ])("%s, explode %s", (style, explode, string, array, object) => {
    const options = { style, explode, name: "color" };
    expect(encodePathParam(STRING, options)).toBe(string);
    expect(encodePathParam(ARRAY, options)).toBe(array);
    expect(encodePathParam(OBJECT, options)).toBe(object);
  });

  it("matrix: an empty value is the bare name", () => {
    expect(encodePathParam("", { style: "matrix", name: "color" })).toBe(";color");
  });

  it("allowReserved (and x-multi-segment) keeps `/` between segments, still encoding `?` and `#`", () => {
    expect(encodePathParam("docs/README.md", { allowReserved: true })).toBe("docs/README.md");
    expect(encodePathParam("heads/main", { allowReserved: true })).toBe("heads/main");
    expect(encodePathParam("a b/c?d#e", { allowReserved: true })).toBe("a%20b/c%3Fd%23e");
    expect(encodePathParam("docs/README.md")).toBe("docs%2FREADME.md");
  });

  it.each(["../etc", "a/../b", "a/./b", "..", "x/.."])("allowReserved still refuses the dot segment in %j", (value) => {
    expect(() => encodePathParam(value, { allowReserved: true })).toThrow(/would change which URL is called/);
  });

  it("a real URL keeps the segments as sent", () => {
    expect(new URL(`https://api.test/repos/o/r/contents/${encodePathParam("docs/README.md", { allowReserved: true })}`).pathname).toBe("/repos/o/r/contents/docs/README.md");
  });
});

describe("OpenAPI 3.1 style examples: query styles", () => {
  const query = (value: unknown, style: ParamStyle) => stylePairs("color", value, style).join("&");
  it.each<[NonNullable<ParamStyle["style"]>, boolean, string | undefined, string | undefined, string]>([
    ["form", false, "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"],
    ["form", true, "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
    ["spaceDelimited", false, undefined, "color=blue%20black%20brown", "color=R%20100%20G%20200%20B%20150"],
    ["spaceDelimited", true, undefined, "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
    ["pipeDelimited", false, undefined, "color=blue|black|brown", "color=R|100|G|200|B|150"],
    ["pipeDelimited", true, undefined, "color=blue&color=black&color=brown", "R=100&G=200&B=150"],
    ["deepObject", true, undefined, undefined, "color[R]=100&color[G]=200&color[B]=150"],
  ])("%s, explode %s", (style, explode, string, array, object) => {
    if (string !== undefined) expect(query(STRING, { style, explode })).toBe(string);
    if (array !== undefined) expect(query(ARRAY, { style, explode })).toBe(array);
    expect(query(OBJECT, { style, explode })).toBe(object);
  });

  it("form with an empty value keeps the name: color=", () => {
    expect(query("", {})).toBe("color=");
  });

  it("deepObject nests objects and indexes arrays the way Stripe and Prism read them", () => {
    expect(query({ gt: 1, in: ["a", "b"], nested: { x: { y: "z" } }, list: [{ k: "v" }] }, { style: "deepObject", explode: true })).toBe(
      "color[gt]=1&color[in][0]=a&color[in][1]=b&color[nested][x][y]=z&color[list][0][k]=v",
    );
  });

  it("allowReserved keeps reserved characters except the ones that split a query", () => {
    expect(query("a/b:c,d[0]?", { allowReserved: true })).toBe("color=a/b:c,d[0]?");
    expect(query("a&b=c+d#e", { allowReserved: true })).toBe("color=a%26b%3Dc%2Bd%23e");
    expect(query("a/b", {})).toBe("color=a%2Fb");
  });

  it.each<[string, ParamStyle]>([
    ["form, exploded", {}],
    ["form", { explode: false }],
    ["pipeDelimited", { style: "pipeDelimited" }],
  ])("an array of objects (%s) has no serialization: refused, never flattened", (_name, style) => {
    expect(() => appendQuery("https://x.test/search", { mdfilters: [{ scope: "global", templateKey: "k" }] }, { mdfilters: style })).toThrow(
      /query parameter "mdfilters" is an array of objects or arrays/,
    );
  });
});

describe("headers and cookies by style", () => {
  it("headers: simple style, objects exploded when declared", () => {
    expect(styleHeaders({ "x-color": ARRAY, "x-rgb": OBJECT, "x-e": OBJECT, plain: "1" }, { "x-e": true })).toEqual({
      "x-color": "blue,black,brown",
      "x-rgb": "R,100,G,200,B,150",
      "x-e": "R=100,G=200,B=150",
      plain: "1",
    });
    const untouched = { a: "1" };
    expect(styleHeaders(untouched)).toBe(untouched);
  });

  it("cookies: form style, exploded by default, unexploded when declared", () => {
    const headers: Record<string, string> = {};
    appendStyledCookies(headers, { ids: [1, 2], color: ARRAY, session: "a b" }, { color: { explode: false } });
    expect(headers.cookie).toBe("ids=1; ids=2; color=blue,black,brown; session=a%20b");
  });
});

describe("form bodies with `encoding`: Stripe customers.create", () => {
  // Stripe's spec: every complex field of a form body is `{ style: deepObject, explode: true }`.
  const STRIPE_ENCODING = { metadata: { style: "deepObject", explode: true }, preferred_locales: { style: "deepObject", explode: true }, expand: { style: "deepObject", explode: true }, address: { style: "deepObject", explode: true } } as const;

  it("is byte-exact with the wire format Stripe documents and its own library sends", () => {
    const { body, contentType } = encodeBody(
      "form",
      "application/x-www-form-urlencoded",
      { email: "jenny@example.com", metadata: { plan: "pro" }, preferred_locales: ["en", "fr"], expand: ["tax"], address: { line1: "1 Main St", city: "Paris" } },
      STRIPE_ENCODING,
    );
    expect(contentType).toBe("application/x-www-form-urlencoded");
    expect(body).toBe(
      "email=jenny%40example.com&metadata[plan]=pro&preferred_locales[0]=en&preferred_locales[1]=fr&expand[0]=tax&address[line1]=1%20Main%20St&address[city]=Paris",
    );
  });

  it("a field with a JSON contentType and no style is sent as JSON; `form` style unexploded joins with commas", () => {
    const { body } = encodeBody("form", "application/x-www-form-urlencoded", { meta: { a: 1 }, ids: [1, 2] }, { meta: { contentType: "application/json" }, ids: { style: "form", explode: false } });
    expect(body).toBe("meta=%7B%22a%22%3A1%7D&ids=1,2");
  });

  it("an array of objects without deepObject or a content type is refused", () => {
    expect(() => encodeBody("form", "application/x-www-form-urlencoded", { items: [{ a: 1 }] })).toThrow(/form field "items" is an array of objects/);
  });
});

describe("multipart bodies with `encoding`", () => {
  it("labels parts with their declared contentType; objects as JSON; arrays one part per item", async () => {
    const { body, contentType } = encodeBody("multipart", "multipart/form-data", { meta: { a: 1 }, tags: ["x", "y"], png: new Blob(["P"]), n: 1 }, { png: { contentType: "image/png, image/jpeg" } });
    expect(contentType).toBeUndefined();
    const form = body as FormData;
    expect(form.getAll("tags")).toEqual(["x", "y"]);
    const meta = form.get("meta") as Blob;
    expect(meta.type).toBe("application/json");
    expect(await meta.text()).toBe('{"a":1}');
    expect((form.get("png") as Blob).type).toBe("image/png");
    expect(form.get("n")).toBe("1");
  });

  it("writes per-part headers itself (FormData cannot), with a boundary in the content type", async () => {
    const { body, contentType } = encodeBody("multipart", "multipart/form-data", { doc: "hello", other: "x" }, { doc: { contentType: "text/plain", headers: { "X-Rate-Limit-Limit": "10" } } });
    const boundary = /boundary=(.+)$/.exec(contentType!)![1]!;
    const text = await (body as Blob).text();
    expect(text).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="doc"\r\nContent-Type: text/plain\r\nX-Rate-Limit-Limit: 10\r\n\r\nhello\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--${boundary}--\r\n`,
    );
    // A real multipart parser reads it back.
    const parsed = await new Response(body, { headers: { "content-type": contentType! } }).formData();
    expect(parsed.get("doc")).toBe("hello");
    expect(parsed.get("other")).toBe("x");
  });
});

describe("failures before sending: RequestBuildError, requestSent false, never retried", () => {
  const calls: string[] = [];
  const client = createHttpClient({
    baseUrl: "https://api.test",
    fetch: async (input) => {
      calls.push(String(input));
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
  });
  const expectNotSent = async (promise: Promise<unknown>, message: RegExp) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RequestBuildError);
    expect(error).toMatchObject({ requestSent: false, attempts: 0 });
    expect((error as Error).message).toMatch(/was never sent/);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(calls).toEqual([]);
  };

  it.each<[string, Endpoint, unknown, object, RegExp]>([
    ["TRACE (fetch forbids the method)", { method: "TRACE", path: "/anything", retrySafe: true }, undefined, {}, /cannot send TRACE/],
    ["a GET with a body", { method: "GET", path: "/x", retrySafe: true, bodyFormat: "json" }, {}, {}, /GET request with a body/],
    ["an array of objects in the query", { method: "GET", path: "/search", retrySafe: true }, undefined, { query: { mdfilters: [{ scope: "enterprise" }] } }, /mdfilters/],
    ["an invalid header value", { method: "GET", path: "/x", retrySafe: true }, undefined, { headers: { "x-bad": "a\nb" } }, /./],
    ["an encoder error in the body", { method: "POST", path: "/x", retrySafe: false, bodyFormat: "form" }, { items: [{ a: 1 }] }, {}, /items/],
  ])("%s", async (_name, endpoint, body, options, message) => {
    await expectNotSent(client.request(endpoint, { retry: { maxRetries: 3 }, ...options }, body), message);
  });
});

describe("multipart with an explicit style (Stripe's files.create)", () => {
  it("sends an object declared deepObject as one part per entry, not as a JSON part", () => {
    const { body } = encodeBody("multipart", "multipart/form-data", { purpose: "dispute_evidence", file_link_data: { create: true, metadata: { a: "b" } } }, { file_link_data: { style: "deepObject", explode: true } });
    const form = body as FormData;
    expect([...(form as unknown as Map<string, unknown>).keys()]).toEqual(["purpose", "file_link_data[create]", "file_link_data[metadata][a]"]);
    expect(form.get("file_link_data[create]")).toBe("true");
    expect(form.get("file_link_data[metadata][a]")).toBe("b");
  });
});
