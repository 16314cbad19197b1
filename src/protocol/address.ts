/**
 * IPv6 and IPv4 addresses as text. Formatting follows RFC 5952 (lowercase, no
 * leading zeros, the longest run of two or more zero groups shortened to "::",
 * IPv4-mapped addresses in mixed notation); parsing accepts any RFC 4291 form.
 */

const HEX16: string[] = [];
for (let i = 0; i < 0x10000; i++) HEX16.push(i.toString(16));

/** Format 16 bytes at `off` of `b` per RFC 5952. */
export function formatIpv6(b: Uint8Array, off = 0): string {
  const g = [0, 0, 0, 0, 0, 0, 0, 0];
  let bestStart = -1;
  let bestLen = 1;
  let runStart = -1;
  for (let i = 0; i < 8; i++) {
    const v = (b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!;
    g[i] = v;
    if (v === 0) {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 > bestLen) {
        bestLen = i - runStart + 1;
        bestStart = runStart;
      }
    } else runStart = -1;
  }
  if (bestStart === 0 && bestLen === 5 && g[5] === 0xffff) {
    return `::ffff:${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
  }
  if (bestStart < 0) {
    return `${HEX16[g[0]!]}:${HEX16[g[1]!]}:${HEX16[g[2]!]}:${HEX16[g[3]!]}:${HEX16[g[4]!]}:${HEX16[g[5]!]}:${HEX16[g[6]!]}:${HEX16[g[7]!]}`;
  }
  let s = '';
  for (let i = 0; i < bestStart; i++) s += (i ? ':' : '') + HEX16[g[i]!];
  s += '::';
  for (let i = bestStart + bestLen; i < 8; i++) s += (i > bestStart + bestLen ? ':' : '') + HEX16[g[i]!];
  return s;
}

export function formatIpv4(b: Uint8Array, off = 0): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

/** Parse dotted-quad IPv4 into `out` at `off`; false if it is not one. */
export function parseIpv4Into(s: string, out: Uint8Array, off = 0): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return false;
    const v = Number(p);
    if (v > 255) return false;
    out[off + i] = v;
  }
  return true;
}

/** Parse any RFC 4291 text form (no zone index) into `out` at `off`; false if invalid. */
export function parseIpv6Into(s: string, out: Uint8Array, off = 0): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return false;
  const head = dbl >= 0 ? s.slice(0, dbl) : s;
  const tail = dbl >= 0 ? s.slice(dbl + 2) : '';
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === '' ? [] : tail.split(':');
  const groups: number[] = [];
  const push = (parts: string[], isLast: boolean): boolean => {
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (isLast && i === parts.length - 1 && p.includes('.')) {
        const v4 = new Uint8Array(4);
        if (!parseIpv4Into(p, v4)) return false;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return false;
      groups.push(parseInt(p, 16));
    }
    return true;
  };
  if (!push(headParts, dbl < 0)) return false;
  const headCount = groups.length;
  if (!push(tailParts, true)) return false;
  const tailCount = groups.length - headCount;
  if (dbl < 0) {
    if (groups.length !== 8) return false;
  } else if (groups.length > 7) return false;
  const zeros = 8 - headCount - tailCount;
  let k = off;
  for (let i = 0; i < headCount; i++) {
    out[k++] = groups[i]! >>> 8;
    out[k++] = groups[i]! & 0xff;
  }
  for (let i = 0; i < zeros; i++) {
    out[k++] = 0;
    out[k++] = 0;
  }
  for (let i = headCount; i < groups.length; i++) {
    out[k++] = groups[i]! >>> 8;
    out[k++] = groups[i]! & 0xff;
  }
  return true;
}

/** Canonical RFC 5952 text of any valid IPv6 text, or undefined if invalid. */
export function canonicalIpv6(s: string): string | undefined {
  const b = new Uint8Array(16);
  return parseIpv6Into(s, b) ? formatIpv6(b) : undefined;
}
