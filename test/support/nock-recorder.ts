/** Shared harness of the runtime tests that fake the network with nock. */
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";

export const BASE = "http://api.test";
export const NOW = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Installs nock for the calling test file: no real network, every request that reaches an
 * interceptor recorded in order with its exact body bytes (`recorder.seen`), and a test fails
 * if any request matched no interceptor.
 */
export function recordNock() {
  const recorder = { seen: [] as Seen[], unmatched: [] as string[] };
  const onNoMatch = (req: { method?: string; path?: string }) => recorder.unmatched.push(`${req.method} ${req.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on("no match", onNoMatch);
  });
  afterAll(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    nock.enableNetConnect();
    nock.restore();
  });
  beforeEach(() => {
    recorder.seen = [];
    recorder.unmatched = [];
  });
  afterEach(() => {
    expect(recorder.unmatched).toEqual([]);
    nock.cleanAll();
  });
  return {
    get seen() {
      return recorder.seen;
    },
    /** A nock scope on BASE whose requests are recorded. */
    api(): nock.Scope {
      const scope = nock(BASE);
      scope.on("request", (req: { method: string; path: string; headers: Seen["headers"] }, _interceptor: unknown, body: string) => {
        recorder.seen.push({ method: req.method, path: req.path, headers: { ...req.headers }, body });
      });
      return scope;
    },
  };
}

/** The rejection of a call that must fail. */
export async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}
