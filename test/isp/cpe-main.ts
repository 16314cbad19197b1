/**
 * The scripted CPE as a process inside a client namespace; prints one JSON
 * line (the result) and exits. Both modes are bounded in count and time.
 *   cpe-main.ts flood IFACE COUNT SECONDS
 *   cpe-main.ts probe IFACE DUID ELAPSED_HUNDREDTHS WAIT_MS
 */
import { flood, probe } from './scripted-cpe.js';

const [mode, iface, ...rest] = process.argv.slice(2) as [string, string, ...string[]];
// Whatever happens, gone within 30 s.
setTimeout(() => process.exit(2), 30_000).unref();
const result = mode === 'flood' ? await flood(iface, Math.min(Number(rest[0]), 10_000), Math.min(Number(rest[1]), 20)) : await probe(iface, rest[0]!, Number(rest[1]), Math.min(Number(rest[2]), 10_000));
process.stdout.write(JSON.stringify(result) + '\n');
