// Prism's own mock server (@stoplight/prism-http-server, what `prism mock --errors` runs) for one
// spec, on 127.0.0.1 in a process of its own, with request validation on. Security is not checked
// (the contract is about how requests are encoded, not credentials) and responses are not
// validated; Prism is given the request side of the spec (request-side.mjs), which is what lets it
// start on Stripe and GitHub at all. Tells its parent the address once it listens.
import { createLogger } from "@stoplight/prism-core";
import { getHttpOperationsFromSpec } from "@stoplight/prism-http";
import { createServer } from "@stoplight/prism-http-server";
import { requestSide } from "./request-side.mjs";

const spec = process.argv[2];
// Prism's validator throws outside its pipeline on some inputs (an absent optional array header):
// the request it was handling never gets an answer, so the parent is told and ends that call.
process.on("uncaughtException", (error) => process.send({ crash: String(error?.stack ?? error).split("\n").slice(0, 2).join(" ") }));
const startedAt = performance.now();
try {
  const operations = await getHttpOperationsFromSpec(await requestSide(spec));
  const server = createServer(operations, {
    cors: false,
    components: { logger: createLogger("CONTRACT", { level: "silent" }) },
    config: {
      validateRequest: true,
      validateResponse: false,
      checkSecurity: false,
      errors: true,
      isProxy: false,
      upstreamProxy: undefined,
      mock: { dynamic: false },
    },
  });
  const address = await server.listen(0, "127.0.0.1");
  process.send({ address, operations: operations.length, loadMs: Math.round(performance.now() - startedAt) });
} catch (error) {
  process.send({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
