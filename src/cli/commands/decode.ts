import { Command, InvalidArgumentError, Option } from 'commander';
import { standardCodec } from '../../protocol/index.js';
import { CliError } from '../errors.js';
import { warn, type CliIo } from '../io.js';
import { LineOutput } from '../output.js';
import { parseAddress, parseCount, parseHex, parseMac, parsePort, parsePrefix, type Prefix } from '../decode/args.js';
import { compileFilter } from '../decode/filter.js';
import { openInput } from '../decode/input.js';
import { DecodeRun, drive } from '../decode/run.js';
import { STANDARD_PORTS } from '../decode/sources.js';
import { parseTypes } from '../decode/types.js';

interface DecodeOptions {
  json?: boolean;
  v4?: boolean;
  v6?: boolean;
  port: number[];
  port4: number[];
  type: string[];
  duid: string[];
  clientId: string[];
  mac: string[];
  remoteId: string[];
  interfaceId: string[];
  address: string[];
  prefix: Prefix[];
  count?: number;
}

/** A repeatable option: each value parsed (commander reports a parse error as a usage error), then collected. */
function many<T>(parse: (s: string) => T | T[]) {
  return (value: string, previous: T[]): T[] => {
    try {
      return previous.concat(parse(value));
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}

function one<T>(parse: (s: string) => T) {
  return (value: string): T => many(parse)(value, [])[0]!;
}

/** "solicit,request" → both names, checked now so a typo is a usage error. */
function typeNames(s: string): string[] {
  const names = s.split(',').filter((t) => t.trim() !== '');
  parseTypes(names);
  return names;
}

const HELP = `
Input: a classic pcap or pcapng FILE (told apart by its first bytes), or
one message per line of hex (whitespace and ':' ignored, '#' starts a comment)
in FILE or on stdin when FILE is '-' or absent. Hex lines are DHCPv6 unless
--v4 is given: the two cannot be told apart reliably by their bytes.

In a capture, DHCPv6 is UDP over IPv6 to or from port 546 or 547 (add ports
with --port), DHCPv4 is UDP over IPv4 to or from port 67 or 68 (--port4).

Filters: repeat one to accept any of its values; different filters must all
match. They look at every message of a packet: relay hops, the relayed
message, and DHCPv4 carried in DHCPv6. A packet that does not decode is
shown when no filter is given, or when --type is the only one and matches.

Examples:
  fulmar decode capture.pcapng
  fulmar decode --type solicit,request --duid 00:03:00:01:00:0c:29:12:34:56 capture.pcap
  fulmar decode --json capture.pcap | jq -c 'select(.error)'
  echo 0112345600080002000a | fulmar decode`;

export function registerDecode(program: Command, io: CliIo): void {
  program
    .command('decode')
    .summary('print the DHCP messages in a capture or in hex')
    .description('Decode DHCPv6 and DHCPv4 messages from a pcap/pcapng capture, or from hex, and print them as text or JSON lines.')
    .argument('[file]', "capture or hex file; '-' or absent: hex lines on stdin")
    .option('--json', 'one JSON object per line per DHCP packet')
    .addOption(new Option('--v4', 'hex input is DHCPv4').conflicts('v6'))
    .option('--v6', 'hex input is DHCPv6 (the default)')
    .option('--port <n>', 'also treat this UDP port as DHCPv6 (repeatable)', many(parsePort), [])
    .option('--port4 <n>', 'also treat this UDP port as DHCPv4 (repeatable)', many(parsePort), [])
    .option('--type <names>', 'message type, e.g. solicit or DHCPDISCOVER (repeatable, or comma-separated)', many(typeNames), [])
    .option('--duid <hex>', 'client or server DUID (also the DUID in a DHCPv4 client id, RFC 4361)', many(parseHex), [])
    .option('--client-id <hex>', 'DHCPv4 client identifier (option 61), type byte included', many(parseHex), [])
    .option('--mac <addr>', 'DHCPv4 chaddr; DHCPv6 DUID-LL/LLT address or relay client-linklayer-addr', many(parseMac), [])
    .option('--remote-id <hex>', 'DHCPv6 remote-id (37) remoteId in any relay hop; DHCPv4 relay agent remote-id', many(parseHex), [])
    .option('--interface-id <hex>', 'DHCPv6 interface-id (18) in any relay hop; DHCPv4 relay agent circuit-id', many(parseHex), [])
    .option('--address <addr>', 'an IA address (DHCPv6), or ciaddr, yiaddr or requested address (DHCPv4)', many(parseAddress), [])
    .option('--prefix <prefix>', 'a delegated prefix equal to or inside this one', many(parsePrefix), [])
    .option('--count <n>', 'stop after printing this many packets', one(parseCount))
    .addHelpText('after', HELP)
    .action(async (file: string | undefined, opts: DecodeOptions) => decode(file, opts, io));
}

async function decode(file: string | undefined, o: DecodeOptions, io: CliIo): Promise<void> {
  const filter = compileFilter({
    types: o.type.length ? parseTypes(o.type) : undefined,
    duids: o.duid,
    clientIds: o.clientId,
    macs: o.mac,
    remoteIds: o.remoteId,
    interfaceIds: o.interfaceId,
    addresses: o.address,
    prefixes: o.prefix,
  });
  const ports = { v6: new Set([...STANDARD_PORTS.v6, ...o.port]), v4: new Set([...STANDARD_PORTS.v4, ...o.port4]) };
  const input = openInput(file, io, ports, o.v4 ? 'dhcp4' : 'dhcp6');
  const out = new LineOutput(io.stdout);
  const run = new DecodeRun({ json: o.json ?? false, count: o.count ?? Infinity, filter, codec: standardCodec() }, out);
  await drive(input, run, out);
  await out.finish();
  if (out.error) throw new CliError(`cannot write output: ${out.error.message}`);
  if (run.printed === 0 && !out.closed) warn(io, filter.active ? 'no packet matched the filters' : 'no DHCP packets found');
}
