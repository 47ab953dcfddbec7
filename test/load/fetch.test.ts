import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SdkwrightError } from "../../src/errors.js";
import { loadSpec } from "../../src/load/index.js";

/** A loopback server that accepts every request and never answers. */
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("loading a spec URL that never answers", () => {
  it("ends after the timeout with an error naming the URL and the flag", async () => {
    const error = await loadSpec(url, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SdkwrightError);
    expect((error as SdkwrightError).message).toBe(`no complete answer from ${url} within 0.3 s`);
    expect((error as SdkwrightError).hint).toMatch(/--timeout <seconds>/);
  });

  it("ends at once when the run is aborted, with the abort's reason", async () => {
    const controller = new AbortController();
    const loading = loadSpec(url, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new SdkwrightError("interrupted")), 100);
    const error = await loading;
    expect(error).toBeInstanceOf(SdkwrightError);
    expect((error as SdkwrightError).message).toBe("interrupted");
  });
});
