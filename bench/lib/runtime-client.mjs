// Runtime benchmark runner (its own process: node --expose-gc runtime-client.mjs <config.json>).
//
// For each SDK variant: sequential GET+PUT pairs against the loopback server, interleaved pair by
// pair with the same pairs done with raw fetch (SDK then raw, then raw then SDK: ABBA order), each
// pair timed on its own. A block of `perBlock` SDK pairs and `perBlock` raw pairs gives one ratio
// (SDK time / raw time); the result is the median of the per-block ratios. Interleaving single
// pairs, not whole blocks, puts both sides in the same instants, so load from other processes on
// the machine (which comes and goes over tens of milliseconds) falls on both alike. Also reported:
// the median SDK pair over the median raw pair (`pairMedianRatio`, barely moved by a pair that was
// descheduled), the same ratio in this process's CPU time (`cpuRatio`), and a control: raw fetch
// measured the same way against an identical copy of itself, whose ratios should all be 1.000 and
// show the noise of the run. The server's counts prove that exactly 2 requests per pair were sent
// (no retry fired, no error).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { baseUrl, blocks, perBlock, warmup, variants } = config;
const DEADLINE = Date.now() + (config.deadlineMs ?? 240_000);
const body = (id) => ({ id, name: `Item ${id}`, tags: ["alpha", "beta", "gamma"], count: 42 });

/** One GET and one PUT with plain fetch; a factory so that the control can have an identical copy. */
function makeRawPair() {
  return async function rawPair(id, item) {
    const url = `${baseUrl}/items/${encodeURIComponent(id)}`;
    const got = await fetch(url);
    if (!got.ok) throw new Error(`raw GET ${got.status}`);
    await got.json();
    const put = await fetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(item) });
    if (!put.ok) throw new Error(`raw PUT ${put.status}`);
    await put.json();
  };
}

/**
 * The same pair with the least any client needs for a request timeout: an AbortController per
 * request whose signal goes to fetch, aborted by a timer. Measured against raw fetch like a client,
 * it shows what a timeout alone costs, before any client code.
 */
async function timedFetch(url, init) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok) throw new Error(`raw ${init?.method ?? "GET"} ${response.status}`);
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}
async function timeoutPair(id, item) {
  const url = `${baseUrl}/items/${encodeURIComponent(id)}`;
  await timedFetch(url);
  await timedFetch(url, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(item) });
}
const rawPair = makeRawPair();

async function server(path, init) {
  const res = await fetch(`${baseUrl}${path}`, init);
  return res.status === 204 ? undefined : res.json();
}

/** Every measured pair's µs, per side, for the median-pair ratio (robust to a pair that was descheduled). */
let pairTimes = { sdk: [], raw: [] };
/** Per block: CPU time of this process (user + system) spent on SDK pairs over that spent on raw pairs. */
let cpuRatios = [];

/** One block: `perBlock` SDK pairs and as many raw pairs, interleaved ABBA; µs spent on each side. */
async function block(pair, start) {
  if (Date.now() > DEADLINE) throw new Error("runtime benchmark deadline exceeded");
  globalThis.gc?.();
  let sdk = 0n;
  let raw = 0n;
  const cpu = { sdk: 0, raw: 0 };
  for (let i = start; i < start + perBlock; i++) {
    const id = `item-${i % 64}`;
    // Each side gets its own (identical) body object, built outside the timed region.
    const sdkBody = body(id);
    const rawBody = body(id);
    // Alternate within the block, and start every other block with raw fetch: the first pair after
    // the GC is the slowest, and it must not always fall on the same side.
    const sdkFirst = (i + start / perBlock) % 2 === 0;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await (sdkFirst ? pair(id, sdkBody) : rawPair(id, rawBody));
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    await (sdkFirst ? rawPair(id, rawBody) : pair(id, sdkBody));
    const t2 = process.hrtime.bigint();
    const c2 = process.cpuUsage();
    const [s, r] = sdkFirst ? [t1 - t0, t2 - t1] : [t2 - t1, t1 - t0];
    const first = c1.user + c1.system - c0.user - c0.system;
    const second = c2.user + c2.system - c1.user - c1.system;
    sdk += s;
    raw += r;
    cpu.sdk += sdkFirst ? first : second;
    cpu.raw += sdkFirst ? second : first;
    pairTimes.sdk.push(Number(s) / 1e3);
    pairTimes.raw.push(Number(r) / 1e3);
  }
  cpuRatios.push(cpu.sdk / cpu.raw);
  return { sdk: Number(sdk) / 1e3, raw: Number(raw) / 1e3 };
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

/** `blocks` blocks of `pair` against raw fetch; the ratios and per-pair figures. */
async function measure(pair) {
  const raw = [];
  const sdk = [];
  pairTimes = { sdk: [], raw: [] };
  cpuRatios = [];
  for (let b = 0; b < blocks; b++) {
    const times = await block(pair, b * perBlock);
    sdk.push(times.sdk);
    raw.push(times.raw);
  }
  const ratios = sdk.map((t, i) => t / raw[i]);
  return {
    rawUsPerPair: median(raw) / perBlock,
    sdkUsPerPair: median(sdk) / perBlock,
    ratio: median(ratios),
    ratioP25: quantile(ratios, 0.25),
    ratioP75: quantile(ratios, 0.75),
    totalRatio: sdk.reduce((a, b) => a + b, 0) / raw.reduce((a, b) => a + b, 0),
    // Median SDK pair over median raw pair: the typical pair, insensitive to scheduling spikes on a busy machine.
    pairMedianRatio: median(pairTimes.sdk) / median(pairTimes.raw),
    sdkMedianPairUs: median(pairTimes.sdk),
    rawMedianPairUs: median(pairTimes.raw),
    // CPU time is not inflated by waiting for a core, so it moves less than wall time when the machine is busy.
    cpuRatio: median(cpuRatios),
  };
}

// Control: raw fetch against an identical copy of itself, measured exactly like a client. Every
// figure should be 1.000; how far it is from that is the noise floor of this run (on a busy
// machine the per-block ratio drifts more than the per-pair median does).
const rawCopy = makeRawPair();
let control;
try {
  for (let i = 0; i < warmup; i++) await rawCopy(`item-${i % 64}`, body(`item-${i % 64}`));
  const m = await measure(rawCopy);
  control = { ratio: m.ratio, ratioP25: m.ratioP25, ratioP75: m.ratioP75, pairMedianRatio: m.pairMedianRatio, cpuRatio: m.cpuRatio };
} catch (error) {
  control = { error: String(error).slice(0, 200) };
}

// Reference: raw fetch with a timeout (see timeoutPair), against raw fetch.
let timeoutReference;
try {
  for (let i = 0; i < warmup; i++) await timeoutPair(`item-${i % 64}`, body(`item-${i % 64}`));
  const m = await measure(timeoutPair);
  timeoutReference = { ratio: m.ratio, ratioP25: m.ratioP25, ratioP75: m.ratioP75, pairMedianRatio: m.pairMedianRatio, cpuRatio: m.cpuRatio, usPerPair: m.sdkUsPerPair, rawUsPerPair: m.rawUsPerPair };
} catch (error) {
  timeoutReference = { error: String(error).slice(0, 200) };
}

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
    const m = await measure(pair);
    const counts = await server("/__stats");
    const pairs = blocks * perBlock;
    const expected = 2 * (warmup + pairs); // raw + sdk, one GET and one PUT each per pair
    Object.assign(result, {
      ok: true,
      method: "pairs interleaved ABBA within each block",
      pairs,
      ...m,
      control,
      timeoutReference,
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
