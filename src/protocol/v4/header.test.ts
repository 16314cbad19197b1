import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, EncodeError } from '../index.js';
import type { Message4 } from './message.js';
import { packet, udhcpcDiscover, udhcpcDiscoverJson } from './samples.js';

const codec = new Codec();
const MAC = '0c29123456';

function decoded(b: Uint8Array): Message4 {
  const m = codec.decode4(b);
  if (m instanceof DecodeError) throw m;
  return m;
}

/** A message with END only, after `head` (op..chaddr) and these sname/file bytes. */
function withFields(head: string, sname = '', file = ''): Buffer {
  const b = packet(head, 'ff');
  Buffer.from(sname, 'hex').copy(b, 44);
  Buffer.from(file, 'hex').copy(b, 108);
  return b;
}

const HEAD = '02010605' + 'deadbeef' + '0102' + '8000' + 'c0000201' + 'c0000202' + 'c0000203' + 'c0000204' + '00' + MAC + '00000000000000000000';

describe('BOOTP header (RFC 2131 §2)', () => {
  it('reads every fixed field at its offset', () => {
    const m = decoded(withFields(HEAD));
    expect(m).toStrictEqual({
      op: 'BOOTREPLY',
      htype: 1,
      hlen: 6,
      hops: 5,
      xid: 0xdeadbeef,
      secs: 0x0102,
      broadcast: true,
      ciaddr: '192.0.2.1',
      yiaddr: '192.0.2.2',
      siaddr: '192.0.2.3',
      giaddr: '192.0.2.4',
      chaddr: '000c29123456',
      sname: '',
      file: '',
      options: [],
    });
    expect(codec.encode4(m)).toEqual(withFields(HEAD));
  });

  it('names op 1 and 2 and keeps other values as numbers', () => {
    expect(decoded(withFields('01' + HEAD.slice(2))).op).toBe('BOOTREQUEST');
    const m = decoded(withFields('07' + HEAD.slice(2)));
    expect(m.op).toBe(7);
    expect(codec.encode4(m)[0]).toBe(7);
  });

  it('keeps the must-be-zero flag bits apart from the broadcast bit (figure 2)', () => {
    const b = withFields(HEAD.slice(0, 20) + '8001' + HEAD.slice(24));
    const m = decoded(b);
    expect(m).toMatchObject({ broadcast: true, reservedFlags: 1 });
    expect(codec.encode4(m)).toEqual(b);
    expect(decoded(withFields(HEAD.slice(0, 20) + '0000' + HEAD.slice(24)))).not.toHaveProperty('reservedFlags');
  });

  it('gives chaddr as its first hlen bytes, longer only when non-zero bytes follow', () => {
    const junk = withFields(HEAD.slice(0, 56) + '000c291234560000ab' + '00'.repeat(7));
    expect(decoded(junk).chaddr).toBe('000c291234560000ab');
    expect(codec.encode4(decoded(junk))).toEqual(junk);
    const long = withFields(HEAD.slice(0, 4) + '14' + HEAD.slice(6));
    expect(decoded(long)).toMatchObject({ hlen: 20, chaddr: '000c2912345600000000000000000000' });
    const none = withFields(HEAD.slice(0, 4) + '00' + HEAD.slice(6));
    expect(decoded(none)).toMatchObject({ hlen: 0, chaddr: '000c29123456' });
  });

  it('gives sname and file as text up to the NUL, or as hex when text would lose bytes', () => {
    const cases: [string, unknown][] = [
      [Buffer.from('boot/pxelinux.0').toString('hex'), 'boot/pxelinux.0'],
      ['efbbbf41', '\uFEFFA'], // a byte-order mark is data, not a hint
      ['41004200', { hex: '410042' }], // bytes after the NUL
      ['41ff', { hex: '41ff' }], // not UTF-8
      ['61'.repeat(128), 'a'.repeat(128)], // no NUL at all: the field is full
    ];
    for (const [bytes, file] of cases) {
      const b = withFields(HEAD, '', bytes);
      expect(decoded(b).file).toStrictEqual(file);
      expect(codec.encode4(decoded(b))).toEqual(b);
    }
  });

  it.each([
    [0, 0, 'op'],
    [3, 3, 'hops'],
    [6, 4, 'xid'],
    [30, 28, 'chaddr'],
    [100, 44, 'sname'],
    [235, 108, 'file'],
  ])('refuses a %i-byte packet at offset %i (truncated %s)', (size, offset, field) => {
    const r = codec.decode4(udhcpcDiscover().subarray(0, size));
    expect(r).toBeInstanceOf(DecodeError);
    expect(r).toMatchObject({ offset, reason: expect.stringContaining(`truncated ${field}`) });
  });

  it('names the field an encode error is in', () => {
    const bad: [Partial<Message4>, string][] = [
      [{ op: 'BOOTSOMETHING' }, 'message.op'],
      [{ htype: 256 }, 'message.htype'],
      [{ xid: -1 }, 'message.xid'],
      [{ broadcast: 1 as never }, 'message.broadcast'],
      [{ reservedFlags: 0x8000 }, 'message.reservedFlags'],
      [{ giaddr: '10.0.0.256' }, 'message.giaddr'],
      [{ chaddr: '00'.repeat(17) }, 'message.chaddr'],
      [{ sname: 'a\0b' }, 'message.sname'],
      [{ file: 'x'.repeat(129) }, 'message.file'],
      [{ file: { hex: 'zz' } }, 'message.file.hex'],
    ];
    for (const [change, path] of bad) {
      expect(() => codec.encode4({ ...udhcpcDiscoverJson(), ...change })).toThrow(expect.objectContaining({ path }) as EncodeError);
    }
  });
});
