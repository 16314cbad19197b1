import { describe, expect, it } from 'vitest';
import type { Option } from '../../../protocol/index.js';
import { mergeOptions } from '../option-merge.js';
import { build, fakeContext, fakeEnv, issues } from '../testing.js';
import { optionsHandler } from './options.js';
import { timersHandler } from './timers.js';

describe('options handler', () => {
  it('converts at load and replaces same-code options', () => {
    let calls = 0;
    const env = fakeEnv({
      options: (list) => {
        calls++;
        return list.map((o) => ({ code: (o as { code: number }).code, value: (o as { value: unknown }).value }));
      },
    });
    const h = build(optionsHandler, { 'option-data': [{ code: 23, value: ['2001:db8::53'] }] }, env);
    const ctx = fakeContext({ options: [{ code: 23, value: ['2001:db8::1'] }, { code: 24, value: ['a.example'] }] });
    h.pre!(ctx);
    h.pre!(fakeContext());
    expect(calls).toBe(1);
    expect(ctx.options).toEqual([{ code: 24, value: ['a.example'] }, { code: 23, value: ['2001:db8::53'] }]);
  });

  it('a conversion error names the field; the schema is option-data', () => {
    const env = fakeEnv({
      options: () => {
        throw new Error('[0].value: expected a list of IPv6 addresses');
      },
    });
    expect(() => build(optionsHandler, { 'option-data': [{ name: 'dns-servers', value: 'x' }] }, env)).toThrow(
      /^options\.option-data: \[0\]\.value: expected a list of IPv6 addresses$/,
    );
    expect(issues(optionsHandler, { 'option-data': [{ value: 1 }] })).toEqual(['option-data.0: an option needs "name" or "code"']);
    expect(issues(optionsHandler, { 'option-data': [] })[0]).toMatch(/^option-data: list at least one option/);
  });
});

describe('mergeOptions', () => {
  it('keeps every option of a code the new list repeats', () => {
    const target: Option[] = [{ code: 17, raw: '01' }, { code: 23, raw: '02' }];
    mergeOptions(target, [
      { code: 17, raw: 'aa' },
      { code: 17, raw: 'bb' },
    ]);
    expect(target).toEqual([{ code: 23, raw: '02' }, { code: 17, raw: 'aa' }, { code: 17, raw: 'bb' }]);
  });
});

describe('timers handler', () => {
  it('sets only what is given', () => {
    const ctx = fakeContext();
    ctx.timers.valid = 7200;
    build(timersHandler, { t1: 100, preferred: 3600 }).pre!(ctx);
    expect(ctx.timers).toEqual({ t1: 100, preferred: 3600, valid: 7200 });
  });

  it('checks t1 <= t2 <= preferred <= valid where given', () => {
    expect(issues(timersHandler, { t1: 600, t2: 300 })[0]).toMatch(/^t2: t2 \(300\) is less than t1 \(600\): the order must be/);
    expect(issues(timersHandler, { t1: 600, preferred: 300 })[0]).toMatch(/^preferred: preferred \(300\) is less than t1 \(600\)/);
    expect(issues(timersHandler, { preferred: 3600, valid: 1800 })[0]).toMatch(/^valid: valid \(1800\) is less than preferred \(3600\)/);
    expect(issues(timersHandler, { t1: 0, t2: 0, preferred: 100 })).toEqual([]); // 0: the client picks
    expect(issues(timersHandler, { t1: 50, t2: 0, preferred: 100 })).toEqual([]);
    expect(issues(timersHandler, { preferred: 0xffffffff, valid: 0xffffffff })).toEqual([]);
    expect(issues(timersHandler, { valid: 0 })[0]).toMatch(/^valid: a lifetime of 0/);
    expect(issues(timersHandler, {})).toEqual([': give at least one of t1, t2, preferred, valid']);
  });
});
