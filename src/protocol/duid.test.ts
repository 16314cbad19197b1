import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codec } from './codec.js';
import { DecodeError, EncodeError } from './errors.js';
import { duidHex, MAX_DUID, readDuid, writeDuid, type Duid } from './duid.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';
import { duid } from './testing/values.js';

function read(hex: string): Duid {
  return readDuid(new Reader(Buffer.from(hex, 'hex')));
}

function write(d: unknown): string {
  const w = new Writer(16);
  writeDuid(w, d, 'duid');
  return w.take().toString('hex');
}

describe('DUID layouts (RFC 8415 §11)', () => {
  it('§11.2 DUID-LLT: type 1, hardware type, time, link-layer address', () => {
    const hex = '0001' + '0001' + '2db8a580' + '000c29123456';
    expect(read(hex)).toStrictEqual({ type: 'LLT', hwtype: 1, time: 0x2db8a580, lladdr: '000c29123456', hex });
    expect(duidHex({ type: 'LLT', hwtype: 1, time: 0x2db8a580, lladdr: '00:0c:29:12:34:56' })).toBe(hex);
  });

  it('§11.3 DUID-EN: type 2, enterprise number, identifier (the RFC example)', () => {
    const hex = '0002' + '00000009' + '0cc084d303000912';
    expect(read(hex)).toStrictEqual({ type: 'EN', enterprise: 9, id: '0cc084d303000912', hex });
    expect(duidHex({ type: 'EN', enterprise: 9, id: '0cc084d303000912' })).toBe(hex);
  });

  it('§11.4 DUID-LL: type 3, hardware type, link-layer address', () => {
    const hex = '0003' + '0001' + '02000000beef';
    expect(read(hex)).toStrictEqual({ type: 'LL', hwtype: 1, lladdr: '02000000beef', hex });
    expect(duidHex({ type: 'LL', hwtype: 1, lladdr: '02000000beef' })).toBe(hex);
  });

  it('§11.5 DUID-UUID: type 4 and 16 bytes (RFC 6355)', () => {
    const uuid = '6ba7b8109dad11d180b400c04fd430c8';
    expect(read('0004' + uuid)).toStrictEqual({ type: 'UUID', uuid, hex: '0004' + uuid });
    expect(duidHex({ type: 'UUID', uuid: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' })).toBe('0004' + uuid);
  });

  it('the shortest layouts still have typed fields, with an empty address or identifier', () => {
    expect(read('000100010000002a')).toStrictEqual({ type: 'LLT', hwtype: 1, time: 42, lladdr: '', hex: '000100010000002a' });
    expect(read('000200000009')).toStrictEqual({ type: 'EN', enterprise: 9, id: '', hex: '000200000009' });
    expect(read('00030001')).toStrictEqual({ type: 'LL', hwtype: 1, lladdr: '', hex: '00030001' });
  });

  it.each([
    ['an LLT without a whole time', '00010001000000'],
    ['an EN without a whole enterprise number', '0002000000'],
    ['an LL without a whole hardware type', '000300'],
    ['a UUID one byte short', '0004' + '00'.repeat(15)],
    ['a UUID one byte long', '0004' + '00'.repeat(17)],
    ['an unknown type', 'ffff0102'],
    ['type 0 (reserved)', '0000'],
  ])('%s keeps only {type, hex}', (_what, hex) => {
    expect(read(hex)).toStrictEqual({ type: parseInt(hex.slice(0, 4), 16), hex });
  });

  it(`is 2 to ${MAX_DUID} bytes (§11.1): shorter or longer is a decode error`, () => {
    expect(read('0005')).toStrictEqual({ type: 5, hex: '0005' });
    expect(read('0005' + '00'.repeat(MAX_DUID - 2))).toMatchObject({ type: 5 });
    expect(() => read('00')).toThrow(DecodeError);
    expect(() => read('0005' + '00'.repeat(MAX_DUID - 1))).toThrow(DecodeError);
  });

  it('a client identifier that is not a DUID is kept raw with the reason (§21.2)', () => {
    const m = new Codec().decode6(Buffer.from('0100000000010001ff', 'hex'));
    expect(m).toMatchObject({ options: [{ code: 1, name: 'clientid', raw: 'ff', error: expect.stringMatching(/shorter than 2/) }] });
  });
});

describe('duidHex and writeDuid', () => {
  it('"hex" wins over typed fields, as it is what identifies the client', () => {
    expect(duidHex({ type: 'LL', hwtype: 1, lladdr: 'aa', hex: '00030001BB' })).toBe('00030001bb');
    expect(duidHex('00:03:00:01:AA')).toBe('00030001aa');
  });

  it('is lowercase however the typed fields are written, so it matches what the decoder gives', () => {
    expect(duidHex({ type: 'EN', enterprise: 9, id: '0CC084D303000912' })).toBe(read('0002000000090cc084d303000912').hex);
    expect(duidHex({ type: 'LL', hwtype: 1, lladdr: 'AA:BB:CC:DD:EE:FF' })).toBe('00030001aabbccddeeff');
    expect(duidHex({ type: 'UUID', uuid: '6BA7B810-9DAD-11D1-80B4-00C04FD430C8' })).toBe('00046ba7b8109dad11d180b400c04fd430c8');
  });

  it.each([
    ['an unknown type name', { type: 'XYZ' }],
    ['a hardware type over 16 bits', { type: 'LL', hwtype: 0x10000, lladdr: '' }],
    ['a negative time', { type: 'LLT', hwtype: 1, time: -1, lladdr: '' }],
    ['a UUID of 15 bytes', { type: 'UUID', uuid: '00'.repeat(15) }],
    ['an odd-length address', { type: 'LL', hwtype: 1, lladdr: 'abc' }],
    ['a number', 42],
  ])('refuses %s', (_what, d) => {
    expect(() => duidHex(d)).toThrow(EncodeError);
  });

  it(`writes 2 to ${MAX_DUID} bytes and refuses more or less`, () => {
    expect(write('0005')).toBe('0005');
    expect(() => write('05')).toThrow(EncodeError);
    expect(() => write('0005' + '00'.repeat(MAX_DUID - 1))).toThrow(EncodeError);
  });

  it('any DUID bytes read to a form whose hex, and whose typed fields alone, give the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 2, maxLength: MAX_DUID }), (b) => {
        const hex = Buffer.from(b).toString('hex');
        const d = read(hex);
        expect(d.hex).toBe(hex);
        const { hex: _, ...typed } = d;
        if (typeof d.type === 'string') expect(duidHex(typed)).toBe(hex);
      }),
      { numRuns: 1000 },
    );
  });

  it('every generated DUID writes and reads back to itself', () => {
    fc.assert(
      fc.property(duid, (d) => {
        expect(read(write(d))).toStrictEqual(d);
      }),
      { numRuns: 500 },
    );
  });
});
