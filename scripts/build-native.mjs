// Builds the native addon for batched UDP (native/udp6) with node-gyp, the
// builder npm ships. Without a C compiler the server still runs, on Node's
// dgram sockets (udp-io "auto"), so a failed build warns rather than fails:
// the transport tests are what insist on the addon where it should exist.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'native', 'udp6');
if (process.platform !== 'linux') {
  console.warn('fulmar: batched UDP is Linux-only; Node dgram sockets will serve');
  process.exit(0);
}
// Incremental once configured; node-gyp is on PATH inside npm scripts.
const step = existsSync(join(dir, 'build', 'Makefile')) ? 'build' : 'rebuild';
const r = spawnSync('node-gyp', [step, '--silent'], { cwd: dir, stdio: 'inherit' });
if (r.status !== 0) {
  console.warn(`fulmar: the native addon did not build (${r.error?.message ?? `node-gyp exited ${r.status}`}); Node dgram sockets will serve`);
}
