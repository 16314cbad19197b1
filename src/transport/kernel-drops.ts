import { readFileSync } from 'node:fs';

/**
 * UDP datagrams the kernel dropped for want of socket buffer space
 * (RcvbufErrors): overload made visible rather than silent. Counts are
 * system-wide since boot; metrics report their growth.
 */
export interface KernelUdpDrops {
  udp6RcvbufErrors: number;
  udp4RcvbufErrors: number;
}

export function parseSnmp6(text: string): number {
  const m = /^Udp6RcvbufErrors\s+(\d+)/m.exec(text);
  return m ? Number(m[1]) : 0;
}

export function parseSnmp(text: string): number {
  const lines = text.split('\n').filter((l) => l.startsWith('Udp:'));
  if (lines.length < 2) return 0;
  const names = lines[0]!.trim().split(/\s+/);
  const values = lines[1]!.trim().split(/\s+/);
  const i = names.indexOf('RcvbufErrors');
  return i > 0 ? Number(values[i]) || 0 : 0;
}

export function readKernelUdpDrops(read: (path: string) => string = (p) => readFileSync(p, 'utf8')): KernelUdpDrops {
  const safe = (p: string): string => {
    try {
      return read(p);
    } catch {
      return '';
    }
  };
  return { udp6RcvbufErrors: parseSnmp6(safe('/proc/net/snmp6')), udp4RcvbufErrors: parseSnmp(safe('/proc/net/snmp')) };
}
