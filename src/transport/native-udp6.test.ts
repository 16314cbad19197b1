import { describe, expect, it } from 'vitest';
import { nativeUdp6 } from './native-udp6.js';

// The addon's own argument checks: a wrong call from JS is a TypeError, never a crash.
describe.skipIf(process.env.FULMAR_NO_NATIVE === '1')('native udp6 addon', () => {
  const addon = () => {
    const { addon, why } = nativeUdp6();
    if (!addon) throw new Error(`the addon should be built here: ${why}`);
    return addon;
  };
  const loopback = Buffer.alloc(16);
  loopback[15] = 1;

  it('rejects malformed arguments with a TypeError naming the call', () => {
    const a = addon();
    expect(() => a.open(Buffer.alloc(4), 0, 547, 0, 0)).toThrow(/open\(address16/);
    expect(() => a.open(loopback, 0, 70_000, 0, 0)).toThrow(TypeError);
    expect(() => a.send(0, Buffer.alloc(1), Buffer.alloc(3), 0, 546)).toThrow(/send\(fd, data, address16/);
    expect(() => a.close('x' as unknown as number)).toThrow(/close\(fd\)/);
    expect(() => a.stop({})).toThrow(/not a running reader/);
    expect(() => a.start(0, Buffer.alloc(10), () => {})).toThrow(/start\(fd, arena, onBatch\)/);
    expect(() => a.ifIndex(7 as unknown as string)).toThrow(/ifIndex\(name\)/);
  });

  it('maps interface names and indexes both ways', () => {
    const a = addon();
    const lo = a.ifIndex('lo');
    expect(lo).toBeGreaterThan(0);
    expect(a.ifName(lo)).toBe('lo');
    expect(a.ifIndex('no-such-if0')).toBe(0);
    expect(a.ifIndex('a-name-longer-than-ifnamsiz')).toBe(0);
    expect(a.ifName(0)).toBeUndefined();
  });

  it('reports a failing system call by name and errno text', () => {
    const a = addon();
    const doc = Buffer.from('20010db8000000000000000000000dead', 'hex');
    expect(() => a.open(doc, 0, 0, 0, 0)).toThrow(/^bind: /);
    const fd = a.open(loopback, 0, 0, 0, 1 << 16);
    try {
      expect(a.localPort(fd)).toBeGreaterThan(0);
      expect(a.recvBufferSize(fd)).toBe(1 << 17);
      // A closed peer port on loopback: the datagram is sent; ICMP comes back later, asynchronously.
      expect(a.send(fd, Buffer.from('07'), loopback, 0, 9)).toBe(0);
      expect(a.send(fd, Buffer.from('07'), Buffer.from('ff02000000000000000000000000abcd', 'hex'), 999_999, 547)).not.toBe(0);
    } finally {
      a.close(fd);
    }
  });
});
