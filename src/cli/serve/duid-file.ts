import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Codec, DecodeError, type Duid } from '../../protocol/index.js';
import { makeServerDuid } from '../../server/server-duid.js';

/** The server DUID lives in data-directory/server-duid as hex, created on first start (RFC 8415 §11: stable). */
export function loadOrCreateServerDuid(dataDir: string, interfaces: readonly string[]): Duid {
  const path = join(dataDir, 'server-duid');
  const codec = new Codec();
  try {
    const hex = readFileSync(path, 'utf8').trim();
    const m = codec.decode6(Buffer.from(`070000010002${(hex.length / 2).toString(16).padStart(4, '0')}${hex}`, 'hex'));
    if (!(m instanceof DecodeError) && m.options[0]?.value) return m.options[0].value as Duid;
    throw new Error(`${path} does not hold a DUID in hex`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const duid = makeServerDuid(firstMac(interfaces), Math.floor(Date.now() / 1000), Math.random);
  writeFileSync(`${path}.tmp`, `${duid.hex}\n`, { mode: 0o644 });
  renameSync(`${path}.tmp`, path);
  return duid;
}

function firstMac(interfaces: readonly string[]): string | undefined {
  for (const i of interfaces) {
    try {
      const mac = readFileSync(`/sys/class/net/${i}/address`, 'utf8').trim().replace(/:/g, '');
      if (/^[0-9a-f]{12}$/.test(mac) && mac !== '000000000000') return mac;
    } catch {
      // not a real interface (tests): try the next
    }
  }
  return undefined;
}
