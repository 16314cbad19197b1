import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, LimitError, MAX_OPTIONS } from '../index.js';
import { Writer } from '../writer.js';
import { writeMessage4, type Message4 } from './message.js';
import { packet, udhcpcDiscoverJson } from './samples.js';

const codec = new Codec();
const HEAD = '010106003903f326000000000000000000000000000000000000000000' + '0c29123456' + '00000000000000000000';
const OPTIONS_AT = 240;

function decoded(b: Uint8Array): Message4 {
  const m = codec.decode4(b);
  if (m instanceof DecodeError) throw m;
  return m;
}

/** A DISCOVER header with the given options field (hex) and, optionally, file and sname bytes. */
function dhcp(options: string, file = '', sname = ''): Buffer {
  const b = packet(HEAD, options);
  Buffer.from(file, 'hex').copy(b, 108);
  Buffer.from(sname, 'hex').copy(b, 44);
  return b;
}

function base(): Message4 {
  const { padding: _, ...m } = udhcpcDiscoverJson();
  return { ...m, options: [] };
}
const hostName = (s: string) => ({ code: 12, name: 'host-name', value: s });

describe('pad and end (RFC 2132 §3.1, §3.2)', () => {
  it('keeps pads among the options as pad entries', () => {
    const b = dhcp('00350101000000' + '0c0161' + 'ff');
    expect(decoded(b).options).toStrictEqual([
      { code: 0, name: 'pad' },
      { code: 53, name: 'dhcp-message-type', value: 'discover' },
      { code: 0, name: 'pad' },
      { code: 0, name: 'pad' },
      { code: 0, name: 'pad' },
      hostName('a'),
    ]);
    expect(codec.encode4(decoded(b))).toEqual(b);
  });

  it('counts the zeros after end, and keeps other bytes there as hex', () => {
    expect(decoded(dhcp('350101ff' + '00'.repeat(48)))).toMatchObject({ padding: 48 });
    const b = dhcp('350101ff' + '0000c0ffee');
    expect(decoded(b)).toMatchObject({ trailer: '0000c0ffee' });
    expect(decoded(b)).not.toHaveProperty('padding');
    expect(codec.encode4(decoded(b))).toEqual(b);
  });

  it('takes options running to the end of the packet without an end option', () => {
    const b = dhcp('350101');
    expect(decoded(b)).toMatchObject({ noEnd: true, options: [{ code: 53, value: 'discover' }] });
    expect(codec.encode4(decoded(b))).toEqual(b);
  });

  it('refuses an option code with no length byte, or a length past the packet, at the option', () => {
    expect(codec.decode4(dhcp('35010137'))).toMatchObject({ offset: OPTIONS_AT + 3, reason: expect.stringMatching(/no length byte/) });
    expect(codec.decode4(dhcp('3501010c0561ff'))).toMatchObject({ offset: OPTIONS_AT + 3, reason: expect.stringMatching(/length 5 runs past/) });
  });

  it(`counts pads toward the ${MAX_OPTIONS}-option bound (DESIGN invariant 7)`, () => {
    expect(decoded(dhcp('00'.repeat(MAX_OPTIONS) + 'ff')).options).toHaveLength(MAX_OPTIONS);
    expect(codec.decode4(dhcp('00'.repeat(MAX_OPTIONS + 1) + 'ff'))).toBeInstanceOf(LimitError);
  });
});

describe('long options (RFC 3396)', () => {
  const text = 'x'.repeat(600);
  const split = '0cff' + '78'.repeat(255) + '0cff' + '78'.repeat(255) + '0c5a' + '78'.repeat(90);

  it('splits a value over 255 bytes into consecutive instances of 255 and the rest', () => {
    const bytes = codec.encode4({ ...base(), options: [hostName(text)] });
    expect(bytes.subarray(OPTIONS_AT).toString('hex')).toBe(split + 'ff');
  });

  it('joins all instances of a code into one option where the first stood', () => {
    const m = decoded(dhcp('0c03787878' + '350101' + '03020a00' + '0cff' + '78'.repeat(255) + '03020101' + '0c57' + '78'.repeat(87) + 'ff'));
    expect(m.options).toStrictEqual([
      hostName('x'.repeat(3 + 255 + 87)),
      { code: 53, name: 'dhcp-message-type', value: 'discover' },
      { code: 3, name: 'routers', value: ['10.0.1.1'] },
    ]);
  });

  it('joins before parsing, so a split inside a field is fine', () => {
    // routers 192.0.2.1 and 192.0.2.2, cut mid-address.
    const m = decoded(dhcp('0303c00002' + '0305' + '01c0000202' + 'ff'));
    expect(m.options).toStrictEqual([{ code: 3, name: 'routers', value: ['192.0.2.1', '192.0.2.2'] }]);
  });

  it('follows domain-search compression pointers across the joined body (RFC 3397 §2)', () => {
    // example.com. / lab.example.com. split after 8 bytes; the pointer names offset 0 of the joined data.
    const m = decoded(dhcp('7708076578616d706c65' + '770b03636f6d00036c6162c000' + 'ff'));
    expect(m.options).toStrictEqual([{ code: 119, name: 'domain-search', value: ['example.com.', 'lab.example.com.'] }]);
  });
});

describe('option overload (RFC 2132 §9.3, RFC 3396 order)', () => {
  it('reads options from file (1), sname (2) or both (3), after the options field', () => {
    const file = '0c0166ff';
    const sname = '0f0173ff';
    const both = decoded(dhcp('350101' + '340103' + 'ff', file, sname));
    expect(both.options.map((o) => o.value)).toStrictEqual(['discover', 3, 'f', 's']);
    expect(both).not.toHaveProperty('file');
    expect(both).not.toHaveProperty('sname');
    const fileOnly = decoded(dhcp('340101ff', file, Buffer.from('srv').toString('hex')));
    expect(fileOnly).toMatchObject({ sname: 'srv', options: [{ code: 52 }, hostName('f')] });
    expect(fileOnly).not.toHaveProperty('file');
    expect(decoded(dhcp('340102ff', '', sname)).options.map((o) => o.code)).toStrictEqual([52, 15]);
  });

  it('joins an option split across the options field and file', () => {
    expect(decoded(dhcp('340101' + '0c0261' + '62ff', '0c0163ff')).options).toStrictEqual([
      { code: 52, name: 'dhcp-option-overload', value: 1 },
      hostName('abc'),
    ]);
  });

  it('ignores an option 52 that is not a single 1, 2 or 3 and reads the fields as text', () => {
    const m = decoded(dhcp('340104ff', Buffer.from('boot').toString('hex')));
    expect(m).toMatchObject({ file: 'boot', options: [{ code: 52, value: 4 }] });
  });

  it('refuses option 52 inside an overloaded field, and bad lengths there, at their offset', () => {
    expect(codec.decode4(dhcp('340101ff', '340102ff'))).toMatchObject({ offset: 108, reason: expect.stringMatching(/overload \(52\) inside/) });
    expect(codec.decode4(dhcp('340102ff', '', '0c7f'))).toMatchObject({ offset: 44, reason: expect.stringMatching(/runs past the sname field/) });
  });

  it('never overloads unless option 52 asks', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ code: 224 + (i % 30), raw: '00'.repeat(20) })).slice(0, 30);
    const b = codec.encode4({ ...base(), options: many });
    expect(b.length).toBeGreaterThan(548);
    expect(b.subarray(44, 236).every((x) => x === 0)).toBe(true);
  });

  it('with option 52, fills the options field to 548 bytes, then file, then sname', () => {
    const opts = [
      { code: 52, name: 'dhcp-option-overload', value: 3 },
      ...Array.from({ length: 20 }, (_, i) => ({ code: 224 + i, raw: 'ab'.repeat(20) })),
    ];
    const m: Message4 = { ...base(), options: opts };
    delete m.sname;
    delete m.file;
    const b = codec.encode4(m);
    expect(b.length).toBeLessThanOrEqual(548);
    expect(b[108]).not.toBe(0); // file holds options
    expect(b[44]).not.toBe(0); // and so does sname
    expect(decoded(b)).toStrictEqual(m);
  });

  it('spills past the size the caller gives instead (the client option 57, say)', () => {
    // 7 of these 22-byte options fit a 400-byte message; the other 5 fit the file field.
    const m: Message4 = { ...base(), options: [{ code: 52, name: 'dhcp-option-overload', value: 1 }, ...Array.from({ length: 12 }, (_, i) => ({ code: 224 + i, raw: 'ab'.repeat(20) }))] };
    delete m.file;
    const roomy = new Writer();
    writeMessage4(roomy, m, codec, 'message', 1500);
    expect(roomy.buf[108]).toBe(255); // nothing moved: the file field is an empty option area
    const tight = new Writer();
    writeMessage4(tight, m, codec, 'message', 400);
    expect(tight.buf[108]).toBe(224 + 7);
    expect(decoded(tight.take())).toStrictEqual(m);
  });

  it('leaves everything in the options field when even file and sname cannot take the rest', () => {
    const m: Message4 = { ...base(), options: [{ code: 52, name: 'dhcp-option-overload', value: 2 }, { code: 224, raw: 'ab'.repeat(255) }] };
    delete m.sname;
    const b = codec.encode4(m);
    expect(b[44]).toBe(255);
    expect(decoded(b)).toStrictEqual(m);
  });

  it('with option 52 and little to say, marks the lent fields empty with an end option', () => {
    const m: Message4 = { ...base(), options: [{ code: 52, name: 'dhcp-option-overload', value: 1 }] };
    delete m.file;
    const b = codec.encode4(m);
    expect(b[108]).toBe(255);
    expect(decoded(b)).toStrictEqual(m);
  });

  it('refuses text in a field that option 52 lends to options', () => {
    const m: Message4 = { ...base(), file: 'boot', options: [{ code: 52, name: 'dhcp-option-overload', value: 1 }] };
    expect(() => codec.encode4(m)).toThrow(/message.file: must be empty/);
  });
});
