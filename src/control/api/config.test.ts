import { describe, expect, it } from 'vitest';
import { formatIssues } from './issues.js';
import { controlSchema } from './config.js';

describe('control config section', () => {
  it('defaults to loopback, port 8547, 1 MiB bodies and 100 requests a second', () => {
    expect(controlSchema.parse({ 'auth-file': 'users.json' })).toEqual({
      address: '127.0.0.1',
      port: 8547,
      'auth-file': 'users.json',
      'body-limit': 1048576,
      'rate-limit': { requests: 100, seconds: 1 },
    });
  });

  it('names the field of every problem', () => {
    const r = controlSchema.safeParse({ 'body-limit': 65 * 1024 * 1024, tls: { cert: 'c' }, extra: 1 });
    expect(formatIssues(r.error!, 'control')).toBe(
      'control.auth-file: required; control.tls.key: required; control.body-limit: must be at most 67108864; control: unknown key(s): "extra"',
    );
  });
});
