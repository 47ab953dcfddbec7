// Runtime benchmark runner (its own process: node --expose-gc runtime-client.mjs <config.json>).
//
// For each SDK variant: sequential GET+PUT pairs against the loopback server, interleaved in
// blocks with the same pairs done with raw fetch (ABBA order), so every SDK block has a raw
// block next to it in time; the ratio is the median of the per-block ratios. The server's counts
// prove that exactly 2 requests per pair were sent (no retry fired, no error).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { baseUrl, blocks, perBlock, warmup, variants } = config;
const DEADLINE = Date.now() + (config.deadlineMs ?? 240_000);
const body = (id) => ({ id, name: `Item ${id}`, tags: ["alpha", "beta", "gamma"], count: 42 });

async function rawPair(id, item) {
  const url = `${baseUrl}/items/${encodeURIComponent(id)}`;
  const got = await fetch(url);
  if (!got.ok) throw new Error(`raw GET ${got.status}`);
  await got.json();
  const put = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(item) });
  if (!put.ok) throw new Error(`raw PUT ${put.status}`);
  await put.json();
}

async function server(path, init) {
  const res = await fetch(`${baseUrl}${path}`, init);
  return res.status === 204 ? undefined : res.json();
}

async function block(pair, start) {
  if (Date.now() > DEADLINE) throw new Error("runtime benchmark deadline exceeded");
  globalThis.gc?.();
  const t0 = process.hrtime.bigint();
  for (let i = start; i < start + perBlock; i++) {
    const id = `item-${i % 64}`;
    await pair(id, body(id));
  }
  return Number(process.hrtime.bigint() - t0) / 1e3; // µs
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

const results = [];
for (const variant of variants) {
  const result = { id: variant.id };
  try {
    const mod = await import(pathToFileURL(variant.module).href);
    const pair = await mod.setup(baseUrl);
    // Correctness first: one pair must round-trip.
    await pair("check", body("check"));
    await server("/__reset", { method: "POST" });
    for (let i = 0; i < warmup; i++) {
      await pair(`item-${i % 64}`, body(`item-${i % 64}`));
      await rawPair(`item-${i % 64}`, body(`item-${i % 64}`));
    }
    const raw = [];
    const sdk = [];
    for (let b = 0; b < blocks; b++) {
      if (b % 2 === 0) {
        sdk.push(await block(pair, b * perBlock));
        raw.push(await block(rawPair, b * perBlock));
      } else {
        raw.push(await block(rawPair, b * perBlock));
        sdk.push(await block(pair, b * perBlock));
      }
    }
    const counts = await server("/__stats");
    const pairs = blocks * perBlock;
    const expected = 2 * (warmup + pairs); // raw + sdk, one GET and one PUT each per pair
    const ratios = sdk.map((t, i) => t / raw[i]);
    Object.assign(result, {
      ok: true,
      pairs,
      rawUsPerPair: median(raw) / perBlock,
      sdkUsPerPair: median(sdk) / perBlock,
      ratio: median(ratios),
      ratioP25: quantile(ratios, 0.25),
      ratioP75: quantile(ratios, 0.75),
      totalRatio: sdk.reduce((a, b) => a + b, 0) / raw.reduce((a, b) => a + b, 0),
      server: counts,
      requestsAsExpected: counts.GET === expected && counts.PUT === expected && counts.non2xx === 0,
      retries: typeof mod.stats === "function" ? mod.stats().retries : undefined,
    });
  } catch (error) {
    Object.assign(result, { ok: false, error: String(error?.stack ?? error).slice(0, 1000) });
  }
  results.push(result);
}
process.stdout.write(JSON.stringify(results));
