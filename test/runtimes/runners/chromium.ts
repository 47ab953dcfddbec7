import { readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { installed, isInstalled } from "../installed.mjs";
import type { Report } from "../report.js";
import type { Runner } from "./runner.js";

/**
 * Headless Chromium (Debian's package) driven by playwright-core. The page loads `--emit js` from
 * http://sdk-page.test, a name mapped to 127.0.0.1 for this browser only: a plain-http origin that
 * is not loopback is not a secure context, so `crypto.randomUUID` is missing as on a LAN or
 * intranet page. The API is another origin (127.0.0.1), reached through CORS.
 */
export const chromiumRunner: Runner = {
  name: "Chromium (headless): --emit js in a page, not a secure context, API on another origin",
  known: { refusedRequestSent: "unknown", replay: { ok: true, attempts: 1, serverReceived: 2, onReusedConnection: true } },
  available: () => isInstalled(installed.chromium) && isInstalled(installed.playwrightCore),
  async run(work, target) {
    const page = `<!doctype html><meta charset="utf-8"><script type="module">
import * as sdk from "./sdk-js/index.js";
import { runChecks } from "./checks.mjs";
runChecks(sdk, ${JSON.stringify(target)}).then((report) => (window.report = report), (error) => (window.report = { error: String(error) }));
</script>`;
    await writeFile(path.join(work, "index.html"), page);
    const site = await serve(work);
    const { chromium } = (await import(installed.playwrightCore)) as { chromium: Chromium };
    const browser = await chromium.launch({
      executablePath: installed.chromium,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", `--host-resolver-rules=MAP sdk-page.test 127.0.0.1`,
      ],
    });
    try {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`http://sdk-page.test:${(site.address() as { port: number }).port}/index.html`);
      await tab.waitForFunction(() => (window as unknown as { report?: unknown }).report !== undefined, undefined, { timeout: 90_000 });
      const report = await tab.evaluate(() => (window as unknown as { report: Report & { error?: string } }).report);
      if ("error" in report && report.error) throw new Error(`${report.error}\n${errors.join("\n")}`);
      // Else the key generator's fallback (no crypto.randomUUID) would not be what ran.
      if (report.secureContext !== false) throw new Error(`the page was a secure context (isSecureContext: ${report.secureContext})`);
      return report;
    } finally {
      await browser.close();
      site.close();
    }
  },
};

/** The part of playwright-core's API used here (it is installed outside node_modules, without its types). */
interface Chromium {
  launch(options: { executablePath: string; args: string[] }): Promise<{
    newContext(): Promise<{ newPage(): Promise<Page> }>;
    close(): Promise<void>;
  }>;
}
interface Page {
  on(event: "pageerror", listener: (error: Error) => void): void;
  goto(url: string): Promise<unknown>;
  waitForFunction(predicate: () => boolean, arg: undefined, options: { timeout: number }): Promise<unknown>;
  evaluate<T>(read: () => T): Promise<T>;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json" };

/** The page and its modules, from `root`, on 127.0.0.1. */
async function serve(root: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    const file = path.join(root, path.normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
