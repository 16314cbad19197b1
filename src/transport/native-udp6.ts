import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled addon (native/udp6/udp6.c): batched recvmmsg reads and direct sendto. */
export interface NativeUdp6 {
  open(address: Uint8Array, scopeId: number, port: number, joinIfindex: number, recvBuffer: number): number;
  start(fd: number, arena: Buffer, onBatch: (count: number, errno: number) => void): object;
  stop(reader: object): void;
  send(fd: number, data: Uint8Array, address: Uint8Array, scopeId: number, port: number): number;
  close(fd: number): void;
  recvBufferSize(fd: number): number;
  localPort(fd: number): number;
  ifIndex(name: string): number;
  ifName(index: number): string | undefined;
  readonly SLOTS: number;
  readonly SLOT_BYTES: number;
  readonly META_BYTES: number;
}

const ADDON = join('native', 'udp6', 'build', 'Release', 'fulmar_udp6.node');

/** The addon, or why there is none. */
export interface NativeLoad {
  addon?: NativeUdp6;
  why?: string;
}

let loaded: NativeLoad | undefined;

/**
 * The addon, or why it is not there (not built: no compiler at install, not
 * Linux). Looked for beside the package root, from src/ (tests) or dist/src/.
 */
export function nativeUdp6(): NativeLoad {
  if (loaded) return loaded;
  if (process.platform !== 'linux') return (loaded = { why: 'batched UDP is Linux-only' });
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const file = join(dir, ADDON);
    if (!existsSync(file)) continue;
    try {
      return (loaded = { addon: createRequire(import.meta.url)(file) as NativeUdp6 });
    } catch (e) {
      return (loaded = { why: `cannot load ${file}: ${(e as Error).message}` });
    }
  }
  return (loaded = { why: `${ADDON} is not built (npm run build compiles it; it needs a C compiler)` });
}
