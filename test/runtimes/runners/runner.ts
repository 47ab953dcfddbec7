import type { Report, Target } from "../report.js";

/**
 * One runtime: whether it is installed here, and how to run checks.mjs in it. `work` holds the
 * generated SDK twice (`sdk/`: TypeScript with `.ts` imports; `sdk-js/`: `--emit js`) and checks.mjs.
 */
export interface Runner {
  name: string;
  /** What this runtime's own HTTP stack does, measured (see README "Runtimes"); the test asserts it. */
  known: {
    /** `requestSent` of a refused connection: `false` where the error says so, else `"unknown"`. */
    refusedRequestSent: false | "unknown";
    /** checks.mjs `measureReplay`: a POST whose reused keep-alive connection is reset before any answer. */
    replay: { ok: boolean; attempts: number; error?: string; serverReceived: number; onReusedConnection: boolean };
  };
  available(): boolean;
  run(work: string, target: Target): Promise<Report>;
}
