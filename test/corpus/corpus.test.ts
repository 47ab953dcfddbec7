import { describe, expect, it } from "vitest";
import { checkSpec, sharedSpecs, sharedSpecsDir } from "./run.mjs";

// The fast slice of the corpus (npm run corpus runs all of it): every spec in ../shared/specs below
// MAX_BYTES is generated (from dist/, which `npm test` builds first) into a temp folder and its SDK,
// plus a consumer calling createClient({ baseUrl }), must type-check with 0 errors under both
// NodeNext and Bundler resolution (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes).
const MAX_BYTES = 1_000_000;
const specs = sharedSpecs(MAX_BYTES);

describe("corpus: shared specs under 1 MB", () => {
  if (specs.length === 0) it.skip(`no specs in ${sharedSpecsDir}`, () => {});

  it.each(specs)(
    "$name generates and type-checks under NodeNext and Bundler",
    async ({ file, name }: { file: string; name: string }) => {
      const result = (await checkSpec(file, { name })) as unknown as {
        error?: string;
        status: string;
        tsc: Partial<Record<"NodeNext" | "Bundler", { errors: number }>>;
      };
      // The first error (generator message or tsc diagnostic) makes the failure readable.
      expect(result.error ?? "").toBe("");
      expect(result.status).toBe("ok");
      expect(result.tsc.NodeNext?.errors).toBe(0);
      expect(result.tsc.Bundler?.errors).toBe(0);
    },
    240_000,
  );
});
