import fc from 'fast-check';

/**
 * Hostile inputs for the decoder: damage done to valid encodings (bit flips,
 * truncation, inserted and deleted bytes, lying option lengths) and option
 * streams built from random TLVs. Offsets are taken modulo the input size.
 */

export type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'length'; which: number; value: number; relative: boolean };

const at = fc.nat();

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at, count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('length' as const),
    which: fc.nat(),
    relative: fc.boolean(),
    value: fc.oneof(fc.integer({ min: -8, max: 8 }), fc.integer({ min: 0, max: 0xffff })),
  }),
);

/** Header sizes before an option list in the containers we define (message, relay, IA_NA, IAADDR, IAPREFIX, ...). */
const LIST_STARTS = [0, 4, 12, 16, 17, 20, 24, 25, 34, 50];

/** Offsets of the 16-bit length of every option that tiles [start, end) exactly. */
function tile(b: Uint8Array, start: number, end: number): number[] | undefined {
  const found: number[] = [];
  let p = start;
  while (p + 4 <= end) {
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    if (p + 4 + len > end) return undefined;
    found.push(p + 2);
    p += 4 + len;
  }
  return p === end && found.length > 0 ? found : undefined;
}

/**
 * Where the option length fields of a DHCPv6 message probably are: walk the
 * top-level options and descend into bodies that tile as option lists.
 * A guess is harmless: a wrong one is just another mutation.
 */
export function lengthFieldOffsets(b: Uint8Array): number[] {
  const out: number[] = [];
  const walk = (start: number, end: number, depth: number): void => {
    if (depth > 40) return;
    for (const skip of LIST_STARTS) {
      const found = start + skip <= end ? tile(b, start + skip, end) : undefined;
      if (!found) continue;
      for (const lenAt of found) {
        out.push(lenAt);
        walk(lenAt + 2, lenAt + 2 + ((b[lenAt]! << 8) | b[lenAt + 1]!), depth + 1);
      }
      return;
    }
  };
  walk(b[0] === 12 || b[0] === 13 ? 34 : 4, b.length, 0);
  return out;
}

function applyOne(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  const i = 'at' in m && n > 0 ? m.at % n : 0;
  switch (m.kind) {
    case 'flip': {
      if (n === 0) return b;
      const c = Uint8Array.from(b);
      c[i] = c[i]! ^ (1 << m.bit);
      return c;
    }
    case 'truncate':
      return b.subarray(0, m.at % (n + 1));
    case 'insert': {
      const j = m.at % (n + 1);
      return Uint8Array.from([...b.subarray(0, j), ...m.bytes, ...b.subarray(j)]);
    }
    case 'delete':
      return Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + m.count)]);
    case 'overwrite': {
      const c = Uint8Array.from(b);
      c.set(m.bytes.subarray(0, Math.max(0, n - i)), i);
      return c;
    }
    case 'length': {
      const fields = lengthFieldOffsets(b);
      if (fields.length === 0) return b;
      const p = fields[m.which % fields.length]!;
      const old = (b[p]! << 8) | b[p + 1]!;
      const len = (m.relative ? old + m.value : m.value) & 0xffff;
      const c = Uint8Array.from(b);
      c[p] = len >>> 8;
      c[p + 1] = len & 0xff;
      return c;
    }
  }
}

export function applyMutations(b: Uint8Array, ms: readonly Mutation[]): Uint8Array {
  return ms.reduce(applyOne, b);
}

function tlv(code: number, body: Uint8Array): Uint8Array {
  return Uint8Array.from([code >>> 8, code & 0xff, body.length >>> 8, body.length & 0xff, ...body]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

/**
 * A DHCPv6 message header followed by random options: codes mostly from
 * `codes` (so typed parsers see random bodies), bodies random bytes or a
 * nested list or message, sometimes with a length that lies.
 */
export function junkMessage(codes: readonly number[]): fc.Arbitrary<Uint8Array> {
  const code = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) });
  const header = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ minLength: 3, maxLength: 3 })).map(([t, x]) => Uint8Array.from([t, ...x])),
    fc.tuple(fc.constantFrom(12, 13), fc.uint8Array({ minLength: 33, maxLength: 33 })).map(([t, x]) => Uint8Array.from([t, ...x])),
  );
  const { list } = fc.letrec<{ option: Uint8Array; list: Uint8Array; message: Uint8Array }>((tie) => ({
    option: fc.tuple(
      code,
      fc.oneof({ maxDepth: 4, depthSize: 'small' }, fc.uint8Array({ maxLength: 24 }), tie('list'), tie('message')),
    ).map(([c, body]) => tlv(c, body)),
    list: fc.array(tie('option'), { maxLength: 4 }).map(concat),
    message: fc.tuple(header, tie('list')).map(([h, l]) => concat([h, l])),
  }));
  const lying = fc.tuple(header, list, fc.array(mutation.filter((m) => m.kind === 'length'), { maxLength: 1 }));
  return lying.map(([h, l, ms]) => applyMutations(concat([h, l]), ms));
}
