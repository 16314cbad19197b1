import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst of `requests`, then refills evenly over `seconds`', () => {
    let now = 0;
    const r = new RateLimiter(2, 1, 10, () => now);
    expect([r.take('a'), r.take('a'), r.take('a'), r.take('a')]).toEqual(['ok', 'ok', 'refused', 'refused-again']);
    expect(r.retryAfter('a')).toBe(1);
    now = 500;
    expect([r.take('a'), r.take('a')]).toEqual(['ok', 'refused']);
    expect(r.take('b')).toBe('ok');
  });

  it('forgets the least recently seen client first, keeping the map bounded', () => {
    let now = 0;
    const r = new RateLimiter(1, 60, 2, () => now);
    r.take('a');
    r.take('b');
    r.take('a');
    r.take('c');
    expect(r.clients).toBe(2);
    now = 1;
    expect(r.take('a')).toBe('refused-again');
    expect(r.take('b')).toBe('ok');
  });
});
