import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// DESIGN invariant 8: sockets are bound first, then the process drops to the configured user.

const dir = mkdtempSync(join(tmpdir(), 'fulmar-priv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('least privilege', () => {
  it('serves as the configured user after binding port 547-style sockets as root', async () => {
    expect(process.getuid?.(), 'this test runs as root, as CI does').toBe(0);
    chmodSync(dir, 0o755);
    const file = join(dir, 'fulmar.json');
    writeFileSync(
      file,
      JSON.stringify({
        'data-directory': join(dir, 'data'),
        user: 'nobody',
        dhcp6: { 'listen-addresses': ['::1'], port: 547, 'lease-database': { type: 'memory' }, subnets: [] },
      }),
    );
    const child = spawn(process.execPath, ['bin/fulmar.js', 'serve', '--config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += String(d)));
    child.stderr.on('data', (d) => (log += String(d)));
    try {
      await expect.poll(() => log, { timeout: 10_000 }).toContain('FULMAR_STARTED');
      const uid = /^Uid:\s+(\d+)\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      expect(uid?.slice(1, 3)).toEqual(['65534', '65534']);
      expect(log).toContain('FULMAR_PRIVILEGES_DROPPED');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
});
