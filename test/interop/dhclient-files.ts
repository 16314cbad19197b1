import { existsSync, readFileSync } from 'node:fs';

/** What ISC dhclient wrote in its newest `lease6 { ... }` block. */
export interface DhclientLease {
  addresses: string[];
  prefixes: string[];
  /** `option dhcp6.NAME VALUE;` lines, by NAME. */
  options: Record<string, string>;
}

/**
 * A lease file with `default-duid` set: dhclient reads it at start and uses
 * it, so each test client has a DUID the test knows in advance.
 */
export function leaseFileWithDuid(duidHex: string): string {
  const octal = Buffer.from(duidHex, 'hex').reduce((s, b) => `${s}\\${b.toString(8).padStart(3, '0')}`, '');
  return `default-duid "${octal}";\n`;
}

export function readNewestLease(file: string): DhclientLease | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const at = text.lastIndexOf('lease6 {');
  if (at < 0) return undefined;
  const block = text.slice(at);
  const options: Record<string, string> = {};
  for (const m of block.matchAll(/^\s*option dhcp6\.([\w-]+) (.*);$/gm)) options[m[1]!] = m[2]!;
  return {
    addresses: [...block.matchAll(/^\s*iaaddr (\S+) \{/gm)].map((m) => m[1]!),
    prefixes: [...block.matchAll(/^\s*iaprefix (\S+) \{/gm)].map((m) => m[1]!),
    options,
  };
}
