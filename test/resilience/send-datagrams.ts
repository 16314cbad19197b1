/**
 * Run inside the client namespace by spray.test.ts: send the datagrams of a
 * file ([u16 length][bytes]...) to ff02::1:2%IFACE port 547, cycling through
 * them at a steady rate, until stdin closes (once at least MIN are out), MAX
 * are out, or SECONDS have passed. Prints "spraying" once the first batch is
 * out, and {"sent":N,"errors":E} at the end: packets[0..N) went out, in order.
 * argv: file, iface, min, max, rate per second, seconds.
 */
import dgram from 'node:dgram';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

const [file, iface, min, max, rate, seconds] = process.argv.slice(2) as [string, string, string, string, string, string];
const BATCH_MS = 10;
const perBatch = Math.max(1, Math.round((Number(rate) * BATCH_MS) / 1000));
const deadline = Date.now() + Number(seconds) * 1000;

function readPackets(path: string): Buffer[] {
  const b = readFileSync(path);
  const out: Buffer[] = [];
  for (let at = 0; at < b.length; ) {
    const n = b.readUInt16BE(at);
    out.push(b.subarray(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return out;
}

const packets = readPackets(file);
let told = false;
process.stdin.on('end', () => (told = true)).resume();

const socket = dgram.createSocket({ type: 'udp6' });
socket.bind(0);
await once(socket, 'listening');
socket.setMulticastInterface(`::%${iface}`);
const send = (b: Buffer) => new Promise<boolean>((resolve) => socket.send(b, 547, `ff02::1:2%${iface}`, (e) => resolve(!e)));

let sent = 0;
let errors = 0;
const started = Date.now();
for (let batch = 0; sent < Number(max) && Date.now() < deadline && !(told && sent >= Number(min)); batch++) {
  for (let i = 0; i < perBatch && sent < Number(max); i++) {
    // Sent in order, one at a time: `sent` is then exactly the prefix that left.
    if (!(await send(packets[sent % packets.length]!))) errors++;
    sent++;
  }
  if (batch === 0) process.stdout.write('spraying\n');
  const wait = started + (batch + 1) * BATCH_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
socket.close();
process.stdout.write(`${JSON.stringify({ sent, errors })}\n`);
process.exit(0);
