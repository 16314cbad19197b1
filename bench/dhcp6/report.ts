/** Small helpers for the printed and saved tables. */

export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A Markdown table whose columns also line up in a terminal. */
export function markdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const rows = body.map((r) => r.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const fmt = {
  rate: (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–'),
  percent: (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(x > 0 && x < 0.001 ? 2 : 1)} %` : '–'),
  ms: (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 0) : '–'),
  ratio: (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–'),
  mib: (kib: number) => (Number.isFinite(kib) ? `${Math.round(kib / 1024)} MiB` : '–'),
  seconds: (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : '–'),
};
