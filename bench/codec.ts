/**
 * Codec micro-benchmark (a script, not a test): decode + encode of a relayed
 * Solicit (IA_NA + IA_PD, 8 options) and of the matching Reply, in ns/op.
 * Usage: npm run bench:codec [-- --seconds N]
 */
import { Codec, DecodeError } from '../src/protocol/index.js';
import { relayedReply, relayedSolicit } from '../src/protocol/testing/samples.js';
import type { Message4, Message6 } from '../src/protocol/index.js';
import { ack4, dhclientDiscover } from '../src/protocol/v4/samples.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 2;
const codec = new Codec();

function measure(name: string, fn: () => void): number {
  for (let i = 0; i < 20_000; i++) fn(); // warm up the JIT
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i++) fn();
    n += 1000;
    now = process.hrtime.bigint();
  }
  const ns = Number(now - start) / n;
  console.log(`${name.padEnd(40)} ${ns.toFixed(0).padStart(6)} ns/op  (${n} ops)`);
  return ns;
}

function decodeOk(b: Buffer): Message6 {
  const m = codec.decode6(b);
  if (m instanceof DecodeError) throw m;
  return m;
}

const rows: [string, Message6][] = [
  ['relayed Solicit', relayedSolicit()],
  ['relayed Reply', relayedReply()],
];
console.log(`node ${process.version}, ${seconds}s per row`);
let total = 0;
for (const [label, msg] of rows) {
  const bytes = codec.encode6(msg);
  const d = measure(`${label} decode (${bytes.length} B)`, () => decodeOk(bytes));
  const e = measure(`${label} encode`, () => codec.encode6(msg));
  const both = measure(`${label} decode + encode`, () => codec.encode6(decodeOk(bytes)));
  if (label === 'relayed Solicit') total = both;
  void d;
  void e;
}
const discover = dhclientDiscover();
measure(`DHCPv4 DISCOVER decode (${discover.length} B)`, () => {
  if (codec.decode4(discover) instanceof DecodeError) throw new Error('bad sample');
});
const ack: Message4 = ack4();
measure('DHCPv4 ACK encode', () => codec.encode4(ack));
console.log(`\nrelayed Solicit decode + encode: ${total.toFixed(0)} ns (target < 2000 ns): ${total < 2000 ? 'met' : 'NOT met'}`);
