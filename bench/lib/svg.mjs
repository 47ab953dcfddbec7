// A dependency-free SVG chart: log-log panels of a metric against operation count, one line per tool.

const COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function niceLogTicks(min, max) {
  const ticks = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= min / 1.0001 && v <= max * 1.0001) ticks.push(v);
    }
  }
  return ticks;
}
const fmt = (v) => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(2))));

/**
 * panels: [{ title, yLabel, series: [{ name, points: [{ x, y, open? }] }] }]
 * `open` points (e.g. a timeout, a lower bound) are drawn hollow.
 */
export function chartSvg({ title, subtitle, panels, width = 1000, height = 500 }) {
  const pad = { l: 62, r: 14, t: 74, b: 140 };
  const gap = 70;
  const pw = (width - pad.l - pad.r - gap * (panels.length - 1)) / panels.length;
  const ph = height - pad.t - pad.b;
  const names = [...new Set(panels.flatMap((p) => p.series.filter((s) => !s.color).map((s) => s.name)))];
  const extra = [...new Map(panels.flatMap((p) => p.series.filter((s) => s.color).map((s) => [s.name, s]))).values()];
  const color = (name) => COLORS[names.indexOf(name) % COLORS.length];
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#fff"/>`);
  out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${width / 2}" y="44" text-anchor="middle" fill="#555">${esc(subtitle)}</text>`);
  panels.forEach((panel, i) => {
    const x0 = pad.l + i * (pw + gap);
    const pts = panel.series.flatMap((s) => s.points).filter((p) => p.y > 0 && Number.isFinite(p.y));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const xmin = Math.min(...xs) / 1.5;
    const xmax = Math.max(...xs) * 1.5;
    const ymin = Math.min(...ys) / 1.5;
    const ymax = Math.max(...ys) * 1.5;
    const X = (v) => x0 + ((Math.log10(v) - Math.log10(xmin)) / (Math.log10(xmax) - Math.log10(xmin))) * pw;
    const Y = (v) => pad.t + ph - ((Math.log10(v) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin))) * ph;
    out.push(`<text x="${x0 + pw / 2}" y="${pad.t - 10}" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`);
    out.push(`<rect x="${x0}" y="${pad.t}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
    for (const t of niceLogTicks(ymin, ymax)) {
      out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${Y(t)}" y2="${Y(t)}" stroke="#eee"/>`);
      out.push(`<text x="${x0 - 6}" y="${Y(t) + 4}" text-anchor="end" fill="#444">${fmt(t)}</text>`);
    }
    for (const t of niceLogTicks(xmin, xmax)) {
      out.push(`<line x1="${X(t)}" x2="${X(t)}" y1="${pad.t}" y2="${pad.t + ph}" stroke="#eee"/>`);
      out.push(`<text x="${X(t)}" y="${pad.t + ph + 16}" text-anchor="middle" fill="#444">${fmt(t)}</text>`);
    }
    out.push(`<text x="${x0 + pw / 2}" y="${pad.t + ph + 36}" text-anchor="middle">operations in the spec (log)</text>`);
    out.push(`<text transform="translate(${x0 - 46} ${pad.t + ph / 2}) rotate(-90)" text-anchor="middle">${esc(panel.yLabel)}</text>`);
    for (const s of panel.series) {
      const ok = s.points.filter((p) => p.y > 0 && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
      const c = s.color ?? color(s.name);
      const solid = ok.filter((p) => !p.open);
      if (solid.length > 1) {
        out.push(`<polyline fill="none" stroke="${c}"${s.dashed ? ' stroke-dasharray="6 4"' : ""} stroke-width="${s.name.startsWith("sdkwright") ? 3 : 1.6}" points="${solid.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(" ")}"/>`);
      }
      for (const p of ok) {
        out.push(`<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="${s.dashed ? 3 : 4}" fill="${p.open ? "#fff" : c}" stroke="${c}" stroke-width="1.5"><title>${esc(`${s.name}: ${p.y} at ${p.x} ops${p.open ? " (lower bound: timed out)" : ""}`)}</title></circle>`);
      }
    }
  });
  // legend, wrapped onto as many rows as it needs
  let ly = height - 80;
  let lx = pad.l;
  const item = (name, draw) => {
    const w = 40 + name.length * 6.6;
    if (lx + w > width - pad.r) {
      lx = pad.l;
      ly += 20;
    }
    draw(lx, ly);
    out.push(`<text x="${lx + 28}" y="${ly + 4}">${esc(name)}</text>`);
    lx += w;
  };
  for (const name of names) {
    item(name, (x, y) => {
      out.push(`<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${color(name)}" stroke-width="${name.startsWith("sdkwright") ? 3 : 1.6}"/>`);
      out.push(`<circle cx="${x + 11}" cy="${y}" r="4" fill="${color(name)}"/>`);
    });
  }
  for (const s of extra) {
    item(s.name, (x, y) => out.push(`<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="3"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`));
  }
  out.push(`<text x="${pad.l}" y="${height - 30}" fill="#555">Hollow marker: the run hit the time limit (a lower bound). Solid lines join the real specs and synthetic 10k, which differ in weight per operation;</text>`);
  out.push(`<text x="${pad.l}" y="${height - 14}" fill="#555">the dashed line is sdkwright alone on synthetic specs of one shape (1,250 to 10,000 operations): the linearity check.</text>`);
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
