import { describe, expect, it } from 'vitest';
import { checkOptionsList, MAX_OPTIONS, OptionsCache, parseOptionsText, sameOptions } from './options.js';

describe('options column', () => {
  it('accepts a JSON array of objects and freezes it', () => {
    const r = parseOptionsText('[{"name":"dns-servers","value":["2001:db8::53"]}]');
    expect(r.value).toEqual([{ name: 'dns-servers', value: ['2001:db8::53'] }]);
    expect(Object.isFrozen((r.value![0] as { value: unknown }).value)).toBe(true);
  });

  it('says what is wrong', () => {
    expect(parseOptionsText('{}').error).toBe('bad options: expected a JSON array of option-data objects');
    expect(parseOptionsText('[1]').error).toBe('bad options: item 0 is not an object');
    expect(parseOptionsText('[').error).toMatch(/^bad options JSON "\[": /);
    expect(checkOptionsList(Array(MAX_OPTIONS + 1).fill({})).error).toBe(`bad options: ${MAX_OPTIONS + 1} options, at most ${MAX_OPTIONS}`);
    expect(checkOptionsList([{}], () => 'needs a name').error).toBe('bad options: needs a name');
    expect(
      checkOptionsList([{}], () => {
        throw new Error('option 0: unknown name "dns"');
      }).error,
    ).toBe('bad options: option 0: unknown name "dns"');
  });

  it('parses each distinct text once and shares the result', () => {
    const c = new OptionsCache();
    const a = c.parse('[{"code":23}]');
    expect(c.parse('[{"code":23}]')).toBe(a);
    expect(sameOptions(a.value, parseOptionsText('[{"code":23}]').value)).toBe(true);
    expect(sameOptions(a.value, undefined)).toBe(false);
  });
});
