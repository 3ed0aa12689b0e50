// A small hand-made SVG line chart: log-scale x and y, one line per series, a dot per median with a
// min–max whisker. No chart library.

export interface Series {
  label: string;
  color: string;
  /** x, and the median/min/max of y; a point with no y (not measured) is skipped. */
  points: { x: number; median?: number; min?: number; max?: number; note?: string }[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const decades = (lo: number, hi: number) => {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
};
const label = (v: number) => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(2))));

export function lineChart(series: Series[], options: ChartOptions): string {
  const W = options.width ?? 640;
  const H = options.height ?? 400;
  const m = { left: 70, right: 20, top: 40, bottom: 70 };
  const points = series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  const ys = points.flatMap((p) => [p.min, p.median, p.max]).filter((v): v is number => v !== undefined && v > 0);
  const xTicks = [...new Set(xs)].sort((a, b) => a - b);
  const yDecades = decades(Math.min(...ys), Math.max(...ys));
  const yTicks = yDecades.flatMap((d) => [d, 2 * d, 5 * d]).filter((t) => t <= yDecades.at(-1)!);
  const [x0, x1] = [Math.log10(xTicks[0]!), Math.log10(xTicks.at(-1)!)];
  const [y0, y1] = [Math.log10(yDecades[0]!), Math.log10(yDecades.at(-1)!)];
  const px = (x: number) => m.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - m.left - m.right);
  const py = (y: number) => H - m.bottom - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - m.top - m.bottom);
  const f = (n: number) => n.toFixed(1);

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${esc(options.title)}</text>`,
  ];
  for (const t of yTicks) {
    parts.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${f(py(t))}" y2="${f(py(t))}" stroke="#ddd"/>`);
    parts.push(`<text x="${m.left - 6}" y="${f(py(t) + 4)}" text-anchor="end">${label(t)}</text>`);
  }
  for (const t of xTicks) {
    parts.push(`<line x1="${f(px(t))}" x2="${f(px(t))}" y1="${m.top}" y2="${H - m.bottom}" stroke="#eee"/>`);
    parts.push(`<text x="${f(px(t))}" y="${H - m.bottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  parts.push(
    `<rect x="${m.left}" y="${m.top}" width="${W - m.left - m.right}" height="${H - m.top - m.bottom}" fill="none" stroke="#333"/>`,
  );
  parts.push(
    `<text x="${(m.left + W - m.right) / 2}" y="${H - m.bottom + 36}" text-anchor="middle">${esc(options.xLabel)}</text>`,
  );
  parts.push(
    `<text transform="translate(18 ${(m.top + H - m.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`,
  );

  series.forEach((s, i) => {
    const measured = s.points.filter((p) => p.median !== undefined && p.median > 0);
    const path = measured.map((p, j) => `${j ? "L" : "M"}${f(px(p.x))},${f(py(p.median!))}`).join(" ");
    parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of measured) {
      const cx = px(p.x);
      if (p.min !== undefined && p.max !== undefined && p.max > p.min) {
        parts.push(
          `<line x1="${f(cx)}" x2="${f(cx)}" y1="${f(py(p.min))}" y2="${f(py(p.max))}" stroke="${s.color}" stroke-width="1.5"/>`,
        );
      }
      parts.push(
        `<circle cx="${f(cx)}" cy="${f(py(p.median!))}" r="3.5" fill="${s.color}"><title>${esc(`${s.label} @ ${p.x}: ${p.median!.toPrecision(3)}${p.note ? ` (${p.note})` : ""}`)}</title></circle>`,
      );
    }
    const lx = m.left + 10 + i * 200;
    const ly = H - 14;
    parts.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text x="${lx + 30}" y="${ly}">${esc(s.label)}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
