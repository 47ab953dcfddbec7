import { describe, expect, it } from "vitest";
import { DecodeFailure, decodeBody } from "../../templates/decode.js";
import { appendQuery, appendStyledCookies, encodeBody, encodePathParam, type PathValue } from "../../templates/encode.js";

describe("encodePathParam", () => {
  it.each<[PathValue, string]>([
    ["plain", "plain"],
    ["a/b", "a%2Fb"],
    ["../etc/passwd", "..%2Fetc%2Fpasswd"],
    ["with space", "with%20space"],
    ["a+b", "a%2Bb"],
    ["q?x=1#frag", "q%3Fx%3D1%23frag"],
    ["100%", "100%25"],
    ["%2e%2e", "%252e%252e"],
    ["café", "caf%C3%A9"],
    ["日本", "%E6%97%A5%E6%9C%AC"],
    ["😀", "%F0%9F%98%80"],
    ["...", "..."],
    [".x", ".x"],
    [42, "42"],
    [0, "0"],
    [true, "true"],
    [12345678901234567890n, "12345678901234567890"],
    [["a", "b/c", 3], "a,b%2Fc,3"],
    [[["x", "y"], ["z"]], "x,y,z"],
    [{ role: "admin", "first name": "Al,ex" }, "role,admin,first%20name,Al%2Cex"],
  ])("%s → %s", (input, expected) => {
    expect(encodePathParam(input)).toBe(expected);
  });

  it.each<PathValue>([".", "..", "", []])("refuses %j because it would change the URL", (input) => {
    expect(() => encodePathParam(input)).toThrow(TypeError);
    expect(() => encodePathParam(input)).toThrow(/invalid path parameter/);
  });

  it("produces a single path segment that URL parsing does not collapse", () => {
    const url = new URL(`https://api.test/pets/${encodePathParam("../admin")}/toys`);
    expect(url.pathname).toBe("/pets/..%2Fadmin/toys");
  });
});

describe("appendQuery", () => {
  const base = "https://api.test/pets";

  it.each<[string, object | undefined, string]>([
    ["no query", undefined, base],
    ["empty object", {}, base],
    ["only null/undefined values", { a: undefined, b: null }, base],
    ["scalars", { limit: 10, q: "cat", on: true, off: false, zero: 0 }, `${base}?limit=10&q=cat&on=true&off=false&zero=0`],
    ["arrays repeat the key", { tag: ["a", "b", "c"] }, `${base}?tag=a&tag=b&tag=c`],
    ["empty array adds nothing", { tag: [] }, base],
    ["null and undefined skipped, also inside arrays", { a: null, b: undefined, tag: ["x", null, undefined, "y"], c: 1 }, `${base}?tag=x&tag=y&c=1`],
    ["objects explode into their fields", { filter: { species: "cat", age: 3 } }, `${base}?species=cat&age=3`],
    ["spaces as %20 (RFC 3986)", { q: "a b" }, `${base}?q=a%20b`],
    ["dates as ISO 8601", { since: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)) }, `${base}?since=2024-01-02T03%3A04%3A05.006Z`],
    ["arrays of dates", { at: [new Date(0), new Date(1000)] }, `${base}?at=1970-01-01T00%3A00%3A00.000Z&at=1970-01-01T00%3A00%3A01.000Z`],
    ["reserved characters are encoded", { q: "a&b=c d/é" }, `${base}?q=a%26b%3Dc%20d%2F%C3%A9`],
    ["empty string is kept", { q: "" }, `${base}?q=`],
    ["bigint", { n: 9007199254740993n }, `${base}?n=9007199254740993`],
  ])("%s", (_name, query, expected) => {
    expect(appendQuery(base, query)).toBe(expected);
  });

  it("appends with & when the URL already has a query", () => {
    expect(appendQuery(`${base}?v=1`, { limit: 5 })).toBe(`${base}?v=1&limit=5`);
  });

  it("round-trips through URLSearchParams", () => {
    const url = new URL(appendQuery(base, { tag: ["a b", "c&d"], n: 1 }));
    expect(url.searchParams.getAll("tag")).toEqual(["a b", "c&d"]);
    expect(url.searchParams.get("n")).toBe("1");
  });
});

describe("encodeBody", () => {
  it("json: serialises once and keeps the content type", () => {
    const result = encodeBody("json", "application/json", { name: "Rex", tags: ["a"], born: new Date(0) });
    expect(result.contentType).toBe("application/json");
    expect(result.body).toBe('{"name":"Rex","tags":["a"],"born":"1970-01-01T00:00:00.000Z"}');
  });

  it("json: keeps a vendor content type and encodes scalars", () => {
    expect(encodeBody("json", "application/merge-patch+json", null)).toEqual({ body: "null", contentType: "application/merge-patch+json" });
    expect(encodeBody("json", "application/json", "x")).toEqual({ body: '"x"', contentType: "application/json" });
  });

  it("form: url-encoded with repeated keys, dates, objects as their fields (form, exploded), nulls skipped", async () => {
    const result = encodeBody("form", "application/x-www-form-urlencoded", {
      name: "Rex Dog",
      tags: ["a", "b"],
      at: new Date(0),
      meta: { k: 1 },
      skip: null,
      gone: undefined,
      n: 3,
    });
    expect(result.contentType).toBe("application/x-www-form-urlencoded");
    expect(result.body).toBe("name=Rex%20Dog&tags=a&tags=b&at=1970-01-01T00%3A00%3A00.000Z&k=1&n=3");
    // What fetch actually sends.
    const request = new Request("http://x.test/", { method: "POST", body: result.body, headers: { "content-type": result.contentType! } });
    expect(await request.text()).toBe(result.body);
    expect(Object.fromEntries(new URLSearchParams(await new Request("http://x.test/", { method: "POST", body: result.body }).text()))).toMatchObject({ name: "Rex Dog", n: "3" });
  });

  it("multipart: FormData with files kept as files, no content type so fetch sets the boundary", async () => {
    const file = new Blob(["PNGDATA"], { type: "image/png" });
    const result = encodeBody("multipart", "multipart/form-data", { name: "Rex", photo: file, tags: ["a", "b"], skip: undefined });
    expect(result.contentType).toBeUndefined();
    expect(result.body).toBeInstanceOf(FormData);
    const form = result.body as FormData;
    expect(form.get("name")).toBe("Rex");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(form.has("skip")).toBe(false);
    const photo = form.get("photo");
    expect(photo).toBeInstanceOf(Blob);
    expect(await (photo as Blob).text()).toBe("PNGDATA");
    const request = new Request("http://x.test/", { method: "POST", body: form });
    expect(request.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("text: stringified with the declared content type", () => {
    expect(encodeBody("text", "text/plain", "hello")).toEqual({ body: "hello", contentType: "text/plain" });
    expect(encodeBody("text", "text/csv", 42)).toEqual({ body: "42", contentType: "text/csv" });
  });

  it("binary: passed through untouched", () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const result = encodeBody("binary", "application/octet-stream", bytes);
    expect(result.body).toBe(bytes);
    expect(result.contentType).toBe("application/octet-stream");
  });
});

describe("decodeBody", () => {
  const res = (body: BodyInit | null, init: ResponseInit & { type?: string } = {}) =>
    new Response(body, { status: init.status ?? 200, headers: init.type === undefined ? {} : { "content-type": init.type } });

  it("parses JSON", async () => {
    expect(await decodeBody(res('{"id":1,"tags":["a"]}', { type: "application/json" }), "GET")).toEqual({ id: 1, tags: ["a"] });
  });

  it("parses JSON with parameters and +json suffixes", async () => {
    expect(await decodeBody(res('{"a":1}', { type: "application/json; charset=utf-8" }), "GET")).toEqual({ a: 1 });
    expect(await decodeBody(res('{"title":"x"}', { type: "application/problem+json" }), "GET")).toEqual({ title: "x" });
    expect(await decodeBody(res("[1,2]", { type: "application/vnd.api+json" }), "GET")).toEqual([1, 2]);
  });

  it("gives undefined for an empty JSON body", async () => {
    expect(await decodeBody(res("", { type: "application/json" }), "GET")).toBeUndefined();
  });

  it("rejects malformed JSON", async () => {
    await expect(decodeBody(res("{nope", { type: "application/json" }), "GET")).rejects.toThrow(DecodeFailure);
  });

  it.each([204, 205])("gives undefined for %i", async (status) => {
    expect(await decodeBody(res(null, { status, type: "application/json" }), "DELETE")).toBeUndefined();
  });

  it("gives undefined for HEAD even with a content type", async () => {
    expect(await decodeBody(res(null, { type: "application/json" }), "HEAD")).toBeUndefined();
  });

  it("returns text for text/* and for a missing content type", async () => {
    expect(await decodeBody(res("hello", { type: "text/plain; charset=utf-8" }), "GET")).toBe("hello");
    expect(await decodeBody(res("<p>x</p>", { type: "text/html" }), "GET")).toBe("<p>x</p>");
    const noType = new Response("raw");
    noType.headers.delete("content-type");
    expect(await decodeBody(noType, "GET")).toBe("raw");
    const empty = new Response("");
    empty.headers.delete("content-type");
    expect(await decodeBody(empty, "GET")).toBeUndefined();
  });

  it("returns a Blob for binary content", async () => {
    const bytes = new Uint8Array([0, 255, 1, 128]);
    const result = await decodeBody(res(bytes, { type: "application/octet-stream" }), "GET");
    expect(result).toBeInstanceOf(Blob);
    expect((result as Blob).type).toBe("application/octet-stream");
    expect(new Uint8Array(await (result as Blob).arrayBuffer())).toEqual(bytes);
    const png = await decodeBody(res(new Uint8Array([137, 80]), { type: "image/png" }), "GET");
    expect(png).toBeInstanceOf(Blob);
    expect((png as Blob).size).toBe(2);
  });
});

describe("cookies and multipart files", () => {
  it("appends cookie parameters to the Cookie header, encoded", () => {
    const headers: Record<string, string> = { cookie: "a=1" };
    appendStyledCookies(headers, { session: "x y;z", unset: undefined });
    expect(headers.cookie).toBe("a=1; session=x%20y%3Bz");
  });

  it("sends a Blob in a multipart body as a file part", async () => {
    const file = new Blob(["%PDF-1.7"], { type: "application/pdf" });
    const { body, contentType } = encodeBody("multipart", "multipart/form-data", { file, note: "n" });
    expect(contentType).toBeUndefined(); // fetch sets the boundary
    const form = body as FormData;
    expect(await (form.get("file") as Blob).text()).toBe("%PDF-1.7");
    expect(form.get("note")).toBe("n");
  });
});
