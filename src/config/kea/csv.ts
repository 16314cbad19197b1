/**
 * Kea's `data` strings: comma-separated values (a comma inside a value is
 * written "\\," in the JSON file), and hex in the forms Kea accepts.
 */

/** Split at unescaped commas and trim each value, as Kea does. */
export function splitCsv(data: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    const next = data[i + 1];
    if (c === '\\' && (next === ',' || next === '\\')) {
      cur += next;
      i++;
    } else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/**
 * Kea's hex forms → plain lowercase hex, or undefined: octets of one or two
 * digits separated by ":" or " ", a run of digits with or without "0x" (an
 * odd count gets a leading zero, as Kea does), or 'quoted text' for its bytes.
 */
export function keaHex(s: string): string | undefined {
  const t = s.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return Buffer.from(t.slice(1, -1), 'utf8').toString('hex');
  if (/^[0-9a-f]{1,2}([: ][0-9a-f]{1,2})+$/i.test(t)) {
    return t
      .split(/[: ]/)
      .map((o) => o.padStart(2, '0'))
      .join('')
      .toLowerCase();
  }
  const digits = t.replace(/^0x/i, '');
  if (!/^[0-9a-f]*$/i.test(digits)) return undefined;
  return (digits.length % 2 ? '0' + digits : digits).toLowerCase();
}
