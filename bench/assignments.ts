/**
 * CSV assignment source at scale (a script, not a test): writes a
 * 1,000,000-line file (one /56 from 2001:db8::/32 per line, an address too on
 * remote-id lines, id types mixed) to a temp dir, times the initial load and
 * a reload that changes 5% of the lines, measures lookups per second and
 * heap/RSS, then deletes the file.
 * Usage: npm run build && node --expose-gc dist/bench/assignments.js [--lines N]
 */
import { statSync, writeFileSync } from 'node:fs';
import { CsvAssignmentSource } from '../src/store/assignments/csv.js';
import { generatedLine, HEADER, TempDir } from '../src/store/assignments/testing.js';
import type { IdentifierType } from '../src/pipeline/types.js';

const arg = process.argv.indexOf('--lines');
const LINES = arg > 0 ? Number(process.argv[arg + 1]) : 1_000_000;
const gc = (globalThis as { gc?: () => void }).gc;

function writeFile(path: string, changedEvery: number): void {
  const parts = [HEADER];
  // Every `changedEvery`-th line moves to another prefix: a reload that changes lines but removes none.
  for (let i = 0; i < LINES; i++) parts.push(generatedLine(i, changedEvery && i % changedEvery === 0 ? LINES : 0));
  writeFileSync(path, parts.join('\n') + '\n');
}

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(0)} MiB`;

function memory(label: string): void {
  gc?.();
  const m = process.memoryUsage();
  console.log(`${label.padEnd(28)} heap ${mib(m.heapUsed)}, rss ${mib(m.rss)}${gc ? '' : ' (run with --expose-gc for settled figures)'}`);
}

let cpuMark = process.cpuUsage();
/** Wall time since `since`, and the CPU time since the last call (the machine may be shared). */
function seconds(since: bigint): string {
  const cpu = process.cpuUsage(cpuMark);
  cpuMark = process.cpuUsage();
  return `${(Number(process.hrtime.bigint() - since) / 1e9).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`;
}

const tmp = new TempDir();
try {
  const path = tmp.file('assignments.csv');
  let t = process.hrtime.bigint();
  writeFile(path, 0);
  console.log(`node ${process.version}; wrote ${LINES.toLocaleString('en-US')} lines (${mib(statSync(path).size)}) in ${seconds(t)}`);
  memory('before load');

  t = process.hrtime.bigint();
  cpuMark = process.cpuUsage();
  const source = new CsvAssignmentSource({ name: 'bench', path });
  console.log(`initial load                 ${seconds(t)} (${source.size.toLocaleString('en-US')} entries)`);
  memory('after load');

  // Keys of every line, canonical, to look up in random order.
  const keys: [IdentifierType, string][] = [];
  for (let i = 0; i < LINES; i += 7) {
    const [type, id] = generatedLine(i).split(',') as [IdentifierType, string];
    keys.push([type, type === 'hw-address' || type === 'remote-id' ? id.replace(/:(?=..(:|$))/g, '') : id]);
  }
  let hits = 0;
  t = process.hrtime.bigint();
  const rounds = 20;
  for (let r = 0; r < rounds; r++) for (const [type, id] of keys) if (source.lookup(type, id)) hits++;
  const ns = Number(process.hrtime.bigint() - t);
  if (hits !== rounds * keys.length) throw new Error(`only ${hits} of ${rounds * keys.length} lookups hit`);
  console.log(`lookups                      ${((hits / ns) * 1e9).toFixed(0)} per second (${hits.toLocaleString('en-US')} hits)`);

  writeFile(path, 20);
  t = process.hrtime.bigint();
  cpuMark = process.cpuUsage();
  const r = await source.reload();
  console.log(`reload (5% changed)          ${seconds(t)} → ${JSON.stringify(r)}`);
  memory('after reload');

  t = process.hrtime.bigint();
  cpuMark = process.cpuUsage();
  const page = await source.page(undefined, 1000);
  console.log(`first page (sorts once)      ${seconds(t)} (${page.length} entries)`);
  await source.close();
} finally {
  tmp.remove();
}
