import { parseArgs } from 'node:util';
import type { UdpIo } from '../../src/transport/udp6.js';

/** The parts of the bench, in the order they run. */
export const PARTS = ['throughput', 'sweep', 'scale', 'profile', 'static', 'events'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchArgs {
  quick: boolean;
  parts: Part[];
  rounds: number;
  overloadRate: number;
  loadRate: number;
  /** Leases in the store for the scale part. */
  leases: number;
  results: string | undefined;
  /** Fulmar's socket I/O in every run. */
  udpIo: UdpIo;
}

const USAGE = `Usage: npm run bench:dhcp6 -- [options]   (as root)
  --quick             ~2 minutes: one round, shorter runs, no sweep or profile
  --only PART[,PART]  ${PARTS.join(', ')} (default: all; --quick: throughput,scale)
  --rounds N          rounds of the throughput part (default 3; --quick 1)
  --overload-rate R   Solicits/s offered beyond saturation (default 30000: past Kea's saturation, 13,000-25,000/s on the machines seen)
  --load-rate R       Solicits/s offered below saturation (default 1000)
  --leases N          live leases for the scale part (default 1000000; --quick 250000)
  --udp-io IO         Fulmar's socket I/O: batched (default; fails if the addon is not built), dgram or auto
  --results FILE      where to write the Markdown results (default bench/dhcp6/RESULTS.md; "-" for none)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string' },
      'overload-rate': { type: 'string', default: '30000' },
      'load-rate': { type: 'string', default: '1000' },
      leases: { type: 'string' },
      results: { type: 'string' },
      'udp-io': { type: 'string', default: 'batched' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick!;
  const parts = values.only ? values.only.split(',').map(part) : quick ? (['throughput', 'scale'] as Part[]) : [...PARTS];
  return {
    quick,
    parts,
    rounds: positive('rounds', values.rounds ?? (quick ? '1' : '3')),
    overloadRate: positive('overload-rate', values['overload-rate']!),
    loadRate: positive('load-rate', values['load-rate']!),
    leases: positive('leases', values.leases ?? (quick ? '250000' : '1000000')),
    udpIo: udpIo(values['udp-io']!),
    results: values.results === '-' ? undefined : (values.results ?? 'bench/dhcp6/RESULTS.md'),
  };
}

function part(s: string): Part {
  if (!(PARTS as readonly string[]).includes(s)) throw new Error(`--only: no part "${s}"; there are ${PARTS.join(', ')}`);
  return s as Part;
}

function positive(name: string, s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: "${s}" is not a positive integer`);
  return n;
}

function udpIo(s: string): UdpIo {
  if (s !== 'auto' && s !== 'batched' && s !== 'dgram') throw new Error(`--udp-io: "${s}" is not auto, batched or dgram`);
  return s;
}
