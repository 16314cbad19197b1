import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** kea-dhcp6, if installed (it lives in sbin, which a user's PATH often lacks). */
export function keaDhcp6(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v kea-dhcp6'], { encoding: 'utf8' }).stdout.trim();
  return onPath || ['/usr/sbin/kea-dhcp6', '/usr/local/sbin/kea-dhcp6'].find((p) => existsSync(p));
}

/** Where this machine keeps Kea's hook libraries (/usr/lib/<triplet>/kea/hooks on Debian). */
function hooksDir(): string | undefined {
  const lib = '/usr/lib';
  const candidates = [join(lib, 'kea/hooks'), ...readdirSync(lib).map((d) => join(lib, d, 'kea/hooks'))];
  return candidates.find((d) => existsSync(d));
}

/**
 * `kea-dhcp6 -t` on a fixture. Kea checks that interfaces (and their unicast
 * addresses) and hook libraries exist on this machine, so the copy it checks
 * names the loopback interface and this machine's hooks directory instead;
 * the rest of the file is checked as written.
 */
export function keaCheck(kea: string, file: string): { ok: boolean; output: string } {
  const hooks = hooksDir();
  const text = readFileSync(file, 'utf8')
    .replace(/"interfaces"\s*:\s*\[[^\]]*\]/, '"interfaces": [ "lo" ]')
    .replace(/"interface"\s*:\s*"[^"]*"/g, '"interface": "lo"')
    .replace(/"library"\s*:\s*"[^"]*\/([^"/]+)"/g, (m, name: string) => (hooks ? `"library": "${join(hooks, name)}"` : m));
  const dir = mkdtempSync(join(tmpdir(), 'fulmar-kea-'));
  try {
    const copy = join(dir, 'kea-dhcp6.conf');
    writeFileSync(copy, text);
    const r = spawnSync(kea, ['-t', copy], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
