import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './suggest.js';

describe('closest', () => {
  it('finds typos within two edits, swaps counting as one', () => {
    expect(closest('remot_id', ['remote_id', 'peer_address'])).toBe('remote_id');
    expect(closest('tpye', ['type', 'xid'])).toBe('type');
    expect(closest('DUID', ['duid'])).toBe('duid');
    expect(closest('xyzzy', ['type', 'xid'])).toBeUndefined();
  });

  it('suggests nothing for a name that is mostly edits', () => {
    expect(closest('ab', ['x'])).toBeUndefined();
    expect(closest('a'.repeat(100), ['a'.repeat(99)])).toBeUndefined();
  });

  it('formats the hint', () => {
    expect(didYouMean('lenn', ['len'])).toBe(' (did you mean "len"?)');
    expect(didYouMean('zzz', ['len'])).toBe('');
  });
});
