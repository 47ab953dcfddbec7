import { readFile } from "node:fs/promises";
import type { GeneratedFile } from "../emit/index.js";

/** The hand-written runtime, copied verbatim into `<out>/runtime/`; its relative `./x.js` imports need no rewriting. */
export const RUNTIME_FILES = [
  "api-promise.ts",
  "attempt.ts",
  "auth.ts",
  "config.ts",
  "decode.ts",
  "encode.ts",
  "errors.ts",
  "failures.ts",
  "hooks.ts",
  "http-client.ts",
  "idempotency-key.ts",
  "index.ts",
  "not-sent.ts",
  "paginate.ts",
  "redirect.ts",
  "retry.ts",
  "sse.ts",
] as const;

const TEMPLATES = new URL("../../templates/", import.meta.url);

export async function runtimeFiles(): Promise<GeneratedFile[]> {
  return Promise.all(
    RUNTIME_FILES.map(async (name) => ({ path: `runtime/${name}`, content: await readFile(new URL(name, TEMPLATES), "utf8") })),
  );
}
