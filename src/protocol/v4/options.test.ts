import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, defineSpace, type Option } from '../index.js';
import { standardSpaces } from '../spaces.js';
import type { Message4 } from './message.js';
import { arbitraryDefinedOption, arbitraryOption } from '../testing/arbitrary.js';
import { arbitraryContext4 } from './arbitrary.js';
import { clientIdHex } from './client-id.js';
import { udhcpcDiscoverJson } from './samples.js';

const codec = new Codec();

function message(options: Option[]): Message4 {
  const { padding: _, ...m } = udhcpcDiscoverJson();
  return { ...m, options };
}

/** The option decoded from one option's bytes (hex: code, length, body). */
function decodeOption(hex: string): Option {
  const b = codec.encode4(message([]));
  const m = codec.decode4(Buffer.concat([b.subarray(0, 240), Buffer.from(hex + 'ff', 'hex')]));
  if (m instanceof DecodeError) throw m;
  return m.options[0]!;
}

/** One option's bytes (hex) as encoded in a message. */
function encodeOption(o: Option): string {
  const b = codec.encode4(message([o]));
  return b.subarray(240, b.length - 1).toString('hex');
}

function roundTrips(o: Option): void {
  const m = message([o]);
  // Option overload lends sname and file to options, so they decode absent (RFC 2132 §9.3).
  const overload = o.code === 52 && typeof o.value === 'number' && o.value >= 1 && o.value <= 3 ? o.value : 0;
  if (overload & 1) delete m.file;
  if (overload & 2) delete m.sname;
  expect(codec.decode4(codec.encode4(m))).toStrictEqual(m);
}

describe('relay agent information, option 82 (RFC 3046)', () => {
  it('decodes suboptions by Kea name: circuit-id, remote-id, link-selection (RFC 3527), server-id-override (RFC 5107)', () => {
    const o = decodeOption('521c' + '0106657468302f31' + '0206aabbccddeeff' + '05040a010200' + '0b04c0000201');
    expect(o).toStrictEqual({
      code: 82,
      name: 'dhcp-agent-options',
      value: [
        { code: 1, name: 'circuit-id', value: '657468302f31' },
        { code: 2, name: 'remote-id', value: 'aabbccddeeff' },
        { code: 5, name: 'link-selection', value: '10.1.2.0' },
        { code: 11, name: 'server-id-override', value: '192.0.2.1' },
      ],
    });
  });

  it('reads RADIUS attributes (RFC 4014) and vendor-specific blocks (RFC 4243)', () => {
    const o = decodeOption('5214' + '0707' + '0107616c696365' + '0909' + '00000de9' + '04' + '01020304');
    expect(o.value).toStrictEqual([
      { code: 7, name: 'radius', value: [{ type: 1, value: '616c696365' }] },
      { code: 9, name: 'vendor-specific-info', value: [{ enterprise: 3561, options: [{ code: 1, raw: '0304' }] }] },
    ]);
  });

  it('keeps a suboption list that does not parse as raw bytes with the reason', () => {
    expect(decodeOption('5203010561')).toMatchObject({ code: 82, name: 'dhcp-agent-options', raw: '010561', error: expect.stringMatching(/runs past/) });
  });
});

describe('classless static routes, option 121 (RFC 3442)', () => {
  it('reads destinations as significant octets only, with their width', () => {
    const o = decodeOption('7916' + '180a0102c00002fe' + '00c00002fe' + '20c0a80101c0a801fe');
    expect(o.value).toStrictEqual([
      { destination: '10.1.2.0/24', router: '192.0.2.254' },
      { destination: '0.0.0.0/0', router: '192.0.2.254' },
      { destination: '192.168.1.1/32', router: '192.168.1.254' },
    ]);
    expect(encodeOption(o)).toBe('7916180a0102c00002fe00c00002fe20c0a80101c0a801fe');
  });

  it('keeps a width over 32 raw, with the reason', () => {
    expect(decodeOption('7905210a000001')).toMatchObject({ raw: '210a000001', error: expect.stringMatching(/over 32/) });
  });
});

describe('domain search, option 119 (RFC 3397 §2)', () => {
  it('follows compression pointers relative to the option data and encodes uncompressed', () => {
    const o = decodeOption('7713076578616d706c6503636f6d00036c6162c000');
    expect(o.value).toStrictEqual(['example.com.', 'lab.example.com.']);
    expect(encodeOption(o)).toBe('771e076578616d706c6503636f6d00036c6162076578616d706c6503636f6d00');
  });

  it('keeps a pointer loop raw, with the reason', () => {
    expect(decodeOption('7702c000')).toMatchObject({ raw: 'c000', error: expect.stringMatching(/loop|out of range/) });
  });
});

describe('client FQDN, option 81 (RFC 4702 §2)', () => {
  it('reads the name in wire format when E is set (§2.3.1), partial names without a final dot', () => {
    expect(decodeOption('5111' + '050000' + '04686f7374076578616d706c6500').value).toStrictEqual({ flags: 5, rcode1: 0, rcode2: 0, domainName: 'host.example.' });
    expect(decodeOption('5108' + '040000' + '04686f7374').value).toStrictEqual({ flags: 4, rcode1: 0, rcode2: 0, domainName: 'host' });
  });

  it('reads ASCII when E is clear (§2.3.2, deprecated), with the RCODE bytes as sent', () => {
    const o = decodeOption('5110' + '01ffff' + Buffer.from('host.example').toString('hex') + '00');
    expect(o.value).toStrictEqual({ flags: 1, rcode1: 255, rcode2: 255, domainName: 'host.example\0' });
    expect(encodeOption(o)).toBe('5110' + '01ffff' + Buffer.from('host.example').toString('hex') + '00');
  });

  it('refuses compression in the wire-format name', () => {
    expect(decodeOption('5105050000c000')).toMatchObject({ name: 'fqdn', error: expect.stringMatching(/compressed/) });
  });
});

describe('client identifier, option 61 (RFC 2132 §9.14, RFC 4361 §6.1)', () => {
  it('keeps type and identifier as hex', () => {
    expect(decodeOption('3d07010242ac110002').value).toBe('010242ac110002');
  });

  it('reads type 255 as IAID + DUID, and gives the identifying bytes either way', () => {
    const o = decodeOption('3d0f' + 'ff' + '00000001' + '000300010a0b0c0d0e0f');
    expect(o.value).toStrictEqual({ type: 255, iaid: 1, duid: { type: 'LL', hwtype: 1, lladdr: '0a0b0c0d0e0f', hex: '000300010a0b0c0d0e0f' } });
    expect(clientIdHex(o.value as never)).toBe('ff00000001000300010a0b0c0d0e0f');
    expect(encodeOption(o)).toBe('3d0fff00000001000300010a0b0c0d0e0f');
    expect(decodeOption('3d03ff0102').value).toBe('ff0102'); // too short for a DUID
  });
});

describe('SIP servers, option 120 (RFC 3361)', () => {
  it('reads domain names (encoding 0) or addresses (encoding 1)', () => {
    expect(decodeOption('780d' + '00' + '03736970076578616d706c65').value).toStrictEqual({ domains: ['sip.example'] });
    expect(decodeOption('7809' + '01' + 'c0000201c0000202').value).toStrictEqual({ addresses: ['192.0.2.1', '192.0.2.2'] });
    expect(decodeOption('780102')).toMatchObject({ error: expect.stringMatching(/unknown SIP server encoding 2/) });
  });
});

describe('vendor-identifying options (RFC 3925 §3, §4)', () => {
  it('reads vendor classes per enterprise (124) and vendor options per enterprise (125)', () => {
    expect(decodeOption('7c0c' + '0000118b' + '07' + '03616263' + '027879').value).toStrictEqual([{ enterprise: 4491, data: ['616263', '7879'] }]);
    expect(decodeOption('7d0a' + '0000118b' + '05' + '0203c0ffee').value).toStrictEqual([{ enterprise: 4491, options: [{ code: 2, raw: 'c0ffee' }] }]);
  });

  it('uses the space "vendor4-<enterprise>" when one is defined', () => {
    const spaces = [...standardSpaces(), defineSpace('vendor4-4491', 'dhcp4', [{ code: 2, name: 'tftp-servers', type: { t: 'array', of: { t: 'ipv4' } } }])];
    const c = new Codec(spaces);
    const m = message([{ code: 125, name: 'vivso-suboptions', value: [{ enterprise: 4491, options: [{ code: 2, name: 'tftp-servers', value: ['192.0.2.9'] }] }] }]);
    expect(c.decode4(c.encode4(m))).toStrictEqual(m);
  });
});

describe('option names and values round-trip (DESIGN invariant 2)', () => {
  const ctx = arbitraryContext4({ spaces: codec.spaces, depth: 2, maxOptions: 3 });
  for (const name of ['dhcp4', 'dhcp-agent-options-space']) {
    const space = codec.space(name);
    describe(`space ${name}`, () => {
      for (const { def } of space.byCode.values()) {
        it(`${def.code} ${def.name} (${def.ref ?? 'no reference'})`, () => {
          const inMessage = (o: Option): Option => (name === 'dhcp4' ? o : { code: 82, name: 'dhcp-agent-options', value: [o] });
          fc.assert(fc.property(arbitraryDefinedOption(def, ctx), (o) => roundTrips(inMessage(o))), { numRuns: 60 });
        });
      }
      it('any option, defined or not (unknown codes keep their raw bytes)', () => {
        const inMessage = (o: Option): Option => (name === 'dhcp4' ? o : { code: 82, name: 'dhcp-agent-options', value: [o] });
        fc.assert(fc.property(arbitraryOption(space, ctx), (o) => roundTrips(inMessage(o))), { numRuns: 300 });
      });
    });
  }

  it('names the option an encode error is in', () => {
    expect(() => codec.encode4(message([{ code: 53, value: 'ack' }, { code: 3, name: 'routers', value: ['1.2.3'] }]))).toThrow(/message\.options\[1\]\(routers\)\[0\]/);
    expect(() => codec.encode4(message([{ code: 300, raw: '' }]))).toThrow(/message\.options\[0\]\.code/);
    expect(() => codec.encode4(message([{ code: 255, raw: '' }]))).toThrow(/255 is end/);
  });
});
