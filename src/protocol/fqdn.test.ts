import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codec } from './codec.js';
import { DecodeError, EncodeError } from './errors.js';
import { compileField, type FieldContext } from './fields.js';
import { readName, writeName } from './fqdn.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';
import { domainName } from './testing/values.js';

function encode(name: string): string {
  const w = new Writer(16);
  writeName(w, name, 'name');
  return w.take().toString('hex');
}

/** Read one name from hex at `start`; also says where reading stopped. */
function decode(hex: string, base?: number, start = 0): { name: string; used: number } {
  const r = new Reader(Buffer.from(hex, 'hex'), start);
  const name = readName(r, base);
  return { name, used: r.pos };
}

function decodeError(hex: string, base?: number): DecodeError {
  try {
    decode(hex, base);
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error(`decoded ${hex} without error`);
}

const ascii = (s: string): string => Buffer.from(s).toString('hex');
const label = (s: string): string => (s.length < 16 ? '0' : '') + s.length.toString(16) + ascii(s);

describe('domain names in wire format (RFC 1035 §3.1)', () => {
  it.each([
    ['example.com.', label('example') + label('com') + '00'],
    ['.', '00'],
    ['A-b_9.Example.', label('A-b_9') + label('Example') + '00'],
  ])('%s is fully qualified: it ends with the root label', (text, hex) => {
    expect(encode(text)).toBe(hex);
    expect(decode(hex)).toEqual({ name: text, used: hex.length / 2 });
  });

  it.each([
    ['host', label('host')],
    ['a.b', label('a') + label('b')],
    ['', ''],
  ])('%j is partial (RFC 4704 §4.2): no root label, and it reads to the end', (text, hex) => {
    expect(encode(text)).toBe(hex);
    expect(decode(hex)).toEqual({ name: text, used: hex.length / 2 });
  });

  it('prints bytes other than letters, digits, "-" and "_" as \\DDD, and reads them back', () => {
    const hex = '05' + '2e' + '20' + '00' + 'ff' + '5c' + '00';
    expect(decode(hex).name).toBe('\\046\\032\\000\\255\\092.');
    expect(encode('\\046\\032\\000\\255\\092.')).toBe(hex);
    // A backslash before a non-digit escapes that character (RFC 1035 §5.1).
    expect(encode('\\.\\ \\000\\255\\\\.')).toBe(hex);
  });

  it('reads a name that stops at the root label and leaves the rest', () => {
    expect(decode(label('a') + '00' + label('b'))).toEqual({ name: 'a.', used: 3 });
  });

  it('refuses malformed text', () => {
    for (const bad of ['a..b', '..', 'a\\', 'caf\u00e9.', 'a b.', 'tab\t.']) expect(() => encode(bad), bad).toThrow(EncodeError);
  });

  it('allows labels of 63 bytes and refuses 64 (RFC 1035 §2.3.4)', () => {
    expect(encode('a'.repeat(63) + '.')).toBe('3f' + ascii('a'.repeat(63)) + '00');
    expect(() => encode('a'.repeat(64) + '.')).toThrow(/label longer than 63/);
    expect(decodeError('40' + ascii('a'.repeat(64)) + '00').reason).toMatch(/label length 64 over 63/);
  });

  it('allows names of 255 bytes and refuses 256 (RFC 1035 §2.3.4)', () => {
    const max = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.') + '.';
    const hex = encode(max);
    expect(hex.length / 2).toBe(255);
    expect(decode(hex).name).toBe(max);
    expect(() => encode('e.' + max)).toThrow(/longer than 255/);
    expect(decodeError(label('e') + hex).reason).toMatch(/longer than 255/);
  });

  it('encodes only the partial names it can decode: 255 bytes leaves no room for the root label', () => {
    const partial = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(62)].join('.');
    const fits = partial.slice(0, -1);
    expect(decode(encode(fits)).name).toBe(fits);
    expect(() => encode(partial)).toThrow(/longer than 255/);
  });

  it('truncated labels are refused', () => {
    expect(decodeError('05616263').reason).toMatch(/truncated label/);
  });

  it('round-trips any name, text to bytes to text', () => {
    fc.assert(
      fc.property(domainName({ partial: true }), (name) => {
        const hex = encode(name);
        expect(decode(hex)).toEqual({ name, used: hex.length / 2 });
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any labels, bytes to text to bytes', () => {
    const labels = fc.array(fc.uint8Array({ minLength: 1, maxLength: 63 }), { maxLength: 4 });
    fc.assert(
      fc.property(labels, fc.boolean(), (ls, absolute) => {
        const hex = ls.map((l) => l.length.toString(16).padStart(2, '0') + Buffer.from(l).toString('hex')).join('') + (absolute ? '00' : '');
        expect(encode(decode(hex).name)).toBe(hex);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compression', () => {
  it('is refused without a base: DHCPv6 names are never compressed (RFC 8415 §10)', () => {
    expect(decodeError(label('a') + 'c000').reason).toMatch(/compressed domain name not allowed/);
    const m = new Codec().decode6(Buffer.from('01000000' + '00180004' + label('a') + 'c000', 'hex'));
    expect(m).toMatchObject({ options: [{ code: 24, name: 'domain-search', raw: label('a') + 'c000', error: expect.stringMatching(/compressed/) }] });
  });

  // RFC 3397 §3: "eng.apple.com." and "marketing.apple.com.", the second ending in a pointer to offset 4.
  const rfc3397 = label('eng') + label('apple') + label('com') + '00' + label('marketing') + 'c004';
  const noContext = {} as FieldContext;

  it('pointers are followed relative to the start of the list (RFC 3397 §3)', () => {
    const list = compileField({ t: 'fqdn-list', compression: true });
    expect(list.decode(new Reader(Buffer.from(rfc3397, 'hex')), noContext)).toEqual(['eng.apple.com.', 'marketing.apple.com.']);
    // The list inside a larger buffer: pointers stay relative to where the list starts.
    const padded = Buffer.from('ffffff' + rfc3397, 'hex');
    expect(list.decode(new Reader(padded, 3), noContext)).toEqual(['eng.apple.com.', 'marketing.apple.com.']);
  });

  it('a pointer ends the name in the data: reading resumes after the pointer', () => {
    expect(decode(label('eng') + '00' + label('x') + 'c000' + 'ff', 0, 5)).toEqual({ name: 'x.eng.', used: 9 });
  });

  it.each([
    ['a pointer to itself', 'c000', /pointer loop/],
    ['two pointers to each other', label('a') + 'c004' + label('b') + 'c000', /pointer loop|longer than 255/],
    ['a pointer past the data', label('a') + 'c010', /out of range/],
    ['a pointer cut short', label('a') + 'c0', /truncated compression pointer/],
    ['a pointer to a name with no root label', 'c002' + label('a'), /runs past the data/],
  ])('%s is refused, bounded', (_what, hex, reason) => {
    expect(decodeError(hex, 0).reason).toMatch(reason);
  });
});
