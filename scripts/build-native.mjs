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
// Build against this Node's own headers when they are installed (Debian's nodejs has them), so
// node-gyp never needs to download them; npm's nodedir setting, when there is one, still wins.
const prefix = dirname(dirname(process.execPath));
const nodedir = !process.env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${prefix}`] : [];
const args = [step, '--silent', ...nodedir];
let r = spawnSync('node-gyp', args, { cwd: dir, stdio: 'inherit' });
// Run outside npm (node scripts/build-native.mjs): the node-gyp that npm bundles.
const bundled = join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
if (r.error?.code === 'ENOENT' && existsSync(bundled)) r = spawnSync(process.execPath, [bundled, ...args], { cwd: dir, stdio: 'inherit' });
if (r.status !== 0) {
  console.warn(`fulmar: the native addon did not build (${r.error?.message ?? `node-gyp exited ${r.status}`}); Node dgram sockets will serve`);
}
