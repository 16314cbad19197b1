import { createCipheriv, randomBytes, type Cipher } from 'node:crypto';
import { formatIpv4, formatIpv6, parseIpv4Into, parseIpv6Into } from '../../protocol/address.js';
import { BoundedCache } from './cache.js';

/** Maps address and prefix text to their anonymised text; undefined when the text is not one. */
export interface AddressMapper {
  address(s: string): string | undefined;
  /** "ADDRESS/LEN": the result keeps LEN and has the bits past it clear. */
  prefix(s: string): string | undefined;
}

const DEFAULT_CACHE = 65_536;

/**
 * Crypto-PAn (Xu, Fan, Ammar, Moon 2002) generalised to 128 bits: output bit
 * i is input bit i XOR the first bit of AES_k(first i input bits, padded with
 * a secret pad). So two addresses sharing an n-bit prefix map to two sharing
 * exactly n bits, and the map is a bijection. The 32-byte key is AES key (16)
 * then pad seed (16), as in the original; IPv4 output matches its test vectors.
 */
export class PrefixPreservingMap {
  private readonly cipher: Cipher;
  private readonly pad: Buffer;
  /** One 16-byte AES block per output bit, encrypted in a single call. */
  private readonly blocks = Buffer.alloc(128 * 16);

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError(`prefix-preserving key must be 32 bytes, got ${key.length}`);
    // ECB over independent blocks; update() is reused and final() never called.
    this.cipher = createCipheriv('aes-128-ecb', key.subarray(0, 16), null);
    this.cipher.setAutoPadding(false);
    this.pad = this.cipher.update(key.subarray(16, 32));
  }

  /** Map the 4 (IPv4) or 16 (IPv6) bytes of `inp`; returns a new array. */
  map(inp: Uint8Array): Uint8Array {
    const nbytes = inp.length;
    if (nbytes !== 4 && nbytes !== 16) throw new RangeError(`expected 4 or 16 bytes, got ${nbytes}`);
    const bits = nbytes * 8;
    const { blocks, pad } = this;
    for (let i = 0; i < bits; i++) {
      const at = i * 16;
      const full = i >>> 3;
      const rem = i & 7;
      let j = 0;
      for (; j < full; j++) blocks[at + j] = inp[j]!;
      if (rem) {
        const mask = (0xff << (8 - rem)) & 0xff;
        blocks[at + j] = (inp[j]! & mask) | (pad[j]! & ~mask & 0xff);
        j++;
      }
      for (; j < 16; j++) blocks[at + j] = pad[j]!;
    }
    const enc = this.cipher.update(blocks.subarray(0, bits * 16));
    const out = new Uint8Array(nbytes);
    for (let i = 0; i < bits; i++) out[i >>> 3]! |= (enc[i * 16]! >>> 7) << (7 - (i & 7));
    for (let j = 0; j < nbytes; j++) out[j]! ^= inp[j]!;
    return out;
  }
}

/** Mapper over text with a bounded cache; `fresh` gives the mapped bytes of an address not seen. */
class TextMapper implements AddressMapper {
  private readonly cache: BoundedCache<string>;
  private readonly b16 = new Uint8Array(16);
  private readonly b4 = new Uint8Array(4);

  constructor(
    private readonly fresh: (inp: Uint8Array, key: string) => Uint8Array,
    cacheSize: number,
  ) {
    this.cache = new BoundedCache(cacheSize);
  }

  address(s: string): string | undefined {
    const hit = this.cache.get(s);
    if (hit !== undefined) return hit;
    const r = this.compute(s, -1);
    if (r !== undefined) this.cache.set(s, r);
    return r;
  }

  prefix(s: string): string | undefined {
    const hit = this.cache.get(s);
    if (hit !== undefined) return hit;
    const slash = s.indexOf('/');
    if (slash < 0) return undefined;
    const lenText = s.slice(slash + 1);
    const len = Number(lenText);
    if (!/^\d{1,3}$/.test(lenText)) return undefined;
    const r = this.compute(s.slice(0, slash), len);
    if (r !== undefined) this.cache.set(s, `${r}/${len}`);
    return r === undefined ? undefined : `${r}/${len}`;
  }

  /** len < 0: a whole address; else clear the bits past len. */
  private compute(a: string, len: number): string | undefined {
    const v6 = a.includes(':');
    const b = v6 ? this.b16 : this.b4;
    if (v6 ? !parseIpv6Into(a, b) : !parseIpv4Into(a, b)) return undefined;
    if (len > b.length * 8) return undefined;
    // The unspecified address (a "no preference" hint, an empty ciaddr) names nobody.
    if (b.every((x) => x === 0)) return a;
    const out = this.fresh(b, len < 0 ? a : `${a}/${len}`);
    if (len >= 0) clearFrom(out, len);
    return v6 ? formatIpv6(out) : formatIpv4(out);
  }
}

function clearFrom(b: Uint8Array, len: number): void {
  for (let i = 0; i < b.length; i++) {
    const keep = Math.min(Math.max(len - i * 8, 0), 8);
    b[i]! &= (0xff << (8 - keep)) & 0xff;
  }
}

/** Keyed, prefix-preserving: the same address maps the same way in every run with that key. */
export function prefixPreservingMapper(key: Uint8Array, cacheSize = DEFAULT_CACHE): AddressMapper {
  const pp = new PrefixPreservingMap(key);
  return new TextMapper((inp) => pp.map(inp), cacheSize);
}

/**
 * Random: each address (and each prefix, independently) gets random bytes,
 * remembered in a bounded cache, so it is consistent within a run only while
 * it stays cached; subnets are not preserved.
 */
export function randomMapper(cacheSize = 100_000): AddressMapper {
  return new TextMapper((inp) => new Uint8Array(randomBytes(inp.length)), cacheSize);
}
