import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where each tool comes from on Debian, for the failure message. */
const PACKAGES: Record<string, string> = {
  ip: 'iproute2',
  ss: 'iproute2',
  dhclient: 'isc-dhcp-client',
  dhcpcd: 'dhcpcd-base',
  dhcrelay: 'isc-dhcp-relay',
};

export const FULMAR_BIN = new URL('../../bin/fulmar.js', import.meta.url).pathname;
const FULMAR_MAIN = new URL('../../dist/src/cli/main.js', import.meta.url).pathname;

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The daemons live in sbin, which a non-login root shell may lack. */
function addSbinToPath(): void {
  const dirs = (process.env.PATH ?? '').split(delimiter);
  for (const dir of ['/usr/sbin', '/sbin']) if (!dirs.includes(dir)) dirs.push(dir);
  process.env.PATH = dirs.filter(Boolean).join(delimiter);
}

/**
 * Interop tests fail, never skip, when they cannot run: CI installs the
 * tools (.ci/run), so a missing one is a broken setup, not a reason to pass.
 */
export function requirePrerequisites(tools: readonly string[]): void {
  addSbinToPath();
  const problems: string[] = [];
  if (process.getuid?.() !== 0) problems.push('must run as root (the tests create network namespaces)');
  const missing = ['ip', 'ss', ...tools].filter((t) => !onPath(t));
  if (missing.length) problems.push(`missing ${missing.join(', ')}: apt-get install ${[...new Set(missing.map((t) => PACKAGES[t] ?? t))].join(' ')}`);
  if (!existsSync(FULMAR_MAIN)) problems.push(`no build at ${FULMAR_MAIN}: run npm run build`);
  if (problems.length) throw new Error(`interop tests cannot run: ${problems.join('; ')}`);
}
