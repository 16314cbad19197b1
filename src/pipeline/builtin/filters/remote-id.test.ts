import { describe, expect, it } from 'vitest';
import { build, fakeContext, issues } from '../testing.js';
import { remoteIdFilter } from './remote-id.js';

const rid = (r: string) => fakeContext({ ids: { 'remote-id': r } });

describe('remote-id filter', () => {
  it('matches ENTERPRISE:HEX exactly, in any spelling', () => {
    const f = build(remoteIdFilter, { values: ['4491:00:11:22:33', '0009:AABB'] });
    expect(f.match(rid('4491:00112233'))).toBe(true);
    expect(f.match(rid('9:aabb'))).toBe(true);
    expect(f.match(rid('4492:00112233'))).toBe(false);
    expect(f.match(fakeContext())).toBe(false);
  });

  it('object patterns: a missing part matches anything', () => {
    const f = build(remoteIdFilter, { values: [{ id: '0102' }, { enterprise: 3561 }, { enterprise: 4491, text: 'line-1' }] });
    expect(f.match(rid('1:0102'))).toBe(true);
    expect(f.match(rid('77:0102'))).toBe(true);
    expect(f.match(rid('3561:ffff'))).toBe(true);
    expect(f.match(rid(`4491:${Buffer.from('line-1').toString('hex')}`))).toBe(true);
    expect(f.match(rid(`4490:${Buffer.from('line-1').toString('hex')}`))).toBe(false);
    expect(f.match(rid('1:0103'))).toBe(false);
    expect(f.match(rid('35610:0102ff'))).toBe(false);
  });

  it('refuses malformed values naming the field', () => {
    expect(issues(remoteIdFilter, { values: ['0011'] })[0]).toMatch(/^values\.0: /);
    expect(issues(remoteIdFilter, { values: [{}] })[0]).toMatch(/^values\.0: give "enterprise", "id" or "text"/);
    expect(issues(remoteIdFilter, { values: [{ id: '01', text: 'a' }] })[0]).toMatch(/^values\.0\.text: give "id" or "text", not both/);
    expect(issues(remoteIdFilter, { values: [{ id: 'zz' }] })[0]).toMatch(/^values\.0\.id: bad hex "zz"/);
    expect(issues(remoteIdFilter, { values: [{ enterprise: -1 }] })[0]).toMatch(/^values\.0/);
  });
});

describe('remote-id filter, wrong shapes', () => {
  it('says what shapes it takes', () => {
    expect(issues(remoteIdFilter, { values: [17] })).toEqual(['values.0: expected "ENTERPRISE:HEX" such as "4491:00:11:22", or {"enterprise"?, "id"? | "text"?}']);
  });
});
