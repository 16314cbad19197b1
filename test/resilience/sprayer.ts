import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Child } from './child.js';
import type { NetnsPair } from './netns.js';
import { untilTrue } from './wait.js';

const REGISTER_TS = fileURLToPath(new URL('../../src/store/testing/register-ts.mjs', import.meta.url));
const SENDER = fileURLToPath(new URL('./send-datagrams.ts', import.meta.url));

/** Bounds on a spray: at least `min` and at most `max` datagrams, `rate` a second, for `seconds` at most. */
export interface SprayBounds {
  min: number;
  max: number;
  rate: number;
  seconds: number;
}

/** send-datagrams.ts in the client namespace, cycling through `datagrams`; resolves once the first are out. */
export async function startSpray(pair: NetnsPair, datagrams: readonly Buffer[], b: SprayBounds): Promise<Child> {
  const file = pair.file('spray.bin');
  writeFileSync(file, framed(datagrams));
  const argv = ['node', '--import', REGISTER_TS, SENDER, file, pair.clientIf, `${b.min}`, `${b.max}`, `${b.rate}`, `${b.seconds}`];
  const child = pair.spawn('client', 'spray', argv, { deadlineMs: (b.seconds + 10) * 1000, stdin: 'pipe' });
  await untilTrue(() => readFileSync(pair.file('spray.log'), 'utf8').includes('spraying'), 10_000, 'the spray to start');
  return child;
}

/** Tell the sender to stop (once it has sent its minimum); how many datagrams it sent, and failed to. */
export async function finishSpray(pair: NetnsPair, child: Child): Promise<{ sent: number; errors: number }> {
  child.stdin!.end();
  const exit = await child.exited;
  const log = readFileSync(pair.file('spray.log'), 'utf8');
  if (exit.code !== 0) throw new Error(`the sender failed (${JSON.stringify(exit)}):\n${log}`);
  return JSON.parse(log.trim().split('\n').pop()!) as { sent: number; errors: number };
}

/** The sender's input: each datagram as a u16 length and its bytes. */
function framed(datagrams: readonly Buffer[]): Buffer {
  return Buffer.concat(
    datagrams.flatMap((d) => {
      const n = Buffer.alloc(2);
      n.writeUInt16BE(d.length);
      return [n, d];
    }),
  );
}
