import { describe, expect, it } from 'vitest';
import { SetupError } from '../errors.js';
import { build, fakeContext, fakeEnv, issues } from '../testing.js';
import { elapsedTimeFilter } from './elapsed-time.js';
import { expressionFilter } from './expression.js';

describe('elapsed-time filter', () => {
  it('above, below, and both', () => {
    const above = build(elapsedTimeFilter, { above: 30 });
    const below = build(elapsedTimeFilter, { below: 5 });
    const between = build(elapsedTimeFilter, { above: 1, below: 5 });
    const at = (s: number) => fakeContext({ elapsedSeconds: s });
    expect([above.match(at(31)), above.match(at(30)), above.match(at(0))]).toEqual([true, false, false]);
    expect([below.match(at(0)), below.match(at(5))]).toEqual([true, false]);
    expect([between.match(at(1)), between.match(at(2.5)), between.match(at(5))]).toEqual([false, true, false]);
  });

  it('needs one bound, and a range that can match', () => {
    expect(issues(elapsedTimeFilter, {})).toEqual([': give "above", "below" or both']);
    expect(issues(elapsedTimeFilter, { above: 10, below: 10 })[0]).toMatch(/^below: below \(10\) must be more than above \(10\)/);
    expect(issues(elapsedTimeFilter, { above: 700 })[0]).toMatch(/^above:/);
  });
});

describe('expression filter', () => {
  it('runs the compiled expression on the request and marks', () => {
    const env = fakeEnv({ bool: { 'marked("x") and subnet == 3': (q, m) => m.has('x') && q.subnetId === 3 } });
    const f = build(expressionFilter, { expression: 'marked("x") and subnet == 3' }, env);
    expect(f.match(fakeContext({ marks: ['x'], subnetId: 3 }))).toBe(true);
    expect(f.match(fakeContext({ marks: ['x'], subnetId: 4 }))).toBe(false);
  });

  it('a bad expression fails the load naming the field', () => {
    const e = (() => {
      try {
        build(expressionFilter, { expression: 'subnet ==' }, fakeEnv());
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(SetupError);
    expect((e as SetupError).message).toBe('expression.expression: column 1: cannot parse "subnet =="');
    expect((e as SetupError).field).toBe('expression.expression');
  });
});
