import { describe, expect, it } from 'vitest';
import { Codec } from '../../protocol/index.js';
import { type4, typeChain6 } from './peek.js';
import { bytes4, relayedRequest } from './testing/fixtures.js';

const codec = new Codec();

describe('typeChain6', () => {
  it('follows relay-msg through relay hops', () => {
    const twice = { type: 'relay-forw', hopCount: 1, linkAddress: '::', peerAddress: '::', options: [{ code: 9, value: relayedRequest() }] } as const;
    expect(typeChain6(codec.encode6(twice as never))).toEqual([12, 12, 3]);
    expect(typeChain6(codec.encode6({ type: 'solicit', xid: 1, options: [] }))).toEqual([1]);
  });

  it('stops where the bytes cannot be followed', () => {
    const b = codec.encode6(relayedRequest());
    expect(typeChain6(b.subarray(0, 60))).toEqual([12]);
    expect(typeChain6(new Uint8Array(0))).toEqual([]);
  });
});

describe('type4', () => {
  it('finds option 53 past pads and other options', () => {
    expect(type4(bytes4([0, 0, 12, 2, 0x61, 0x62, 53, 1, 5]))).toBe(5);
  });

  it('is undefined without a cookie, without option 53, or when truncated', () => {
    const noCookie = bytes4([53, 1, 1]);
    noCookie[236] = 0;
    expect(type4(noCookie)).toBeUndefined();
    expect(type4(bytes4([12, 1, 0x61]))).toBeUndefined();
    expect(type4(bytes4([12, 200]))).toBeUndefined();
  });
});
