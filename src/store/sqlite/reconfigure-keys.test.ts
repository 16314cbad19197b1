import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempDir } from '../testing/tmpdb.js';
import { spawnTs } from '../testing/run-ts.js';
import { openSqliteLeaseStore6 } from './store6.js';
import { StoreClosedError } from '../errors.js';
import { SqliteReconfigureKeyStore } from './reconfigure-keys.js';

const KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
const OTHER = Buffer.from('ffeeddccbbaa99887766554433221100', 'hex');

describe('SqliteReconfigureKeyStore (RFC 8415 §20.4.2: the server records the key)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it('keeps one key per DUID across a reopen', async () => {
    const s = new SqliteReconfigureKeyStore({ path: tmp.file('keys.db'), now: () => 1234 });
    expect(await s.get('00030001020000000001')).toBeUndefined();
    await s.put('00030001020000000001', KEY);
    await s.put('00030001020000000002', OTHER);
    await s.close();
    const again = new SqliteReconfigureKeyStore({ path: tmp.file('keys.db') });
    expect(await again.get('00030001020000000001')).toEqual(KEY);
    expect(await again.get('00030001020000000002')).toEqual(OTHER);
    await again.put('00030001020000000001', OTHER);
    expect(await again.get('00030001020000000001')).toEqual(OTHER);
    await again.close();
  });

  it('refuses a key that is not 16 bytes', async () => {
    const s = new SqliteReconfigureKeyStore({ path: tmp.file('keys.db') });
    await expect(s.put('0003', Buffer.alloc(8))).rejects.toThrow(/CHECK/);
    await s.close();
  });

  it('shares a database file with the lease store without touching its tables', async () => {
    const leases = openSqliteLeaseStore6({ path: tmp.file() });
    const keys = new SqliteReconfigureKeyStore({ path: tmp.file() });
    await keys.put('00030001020000000001', KEY);
    expect(await leases.page(undefined, 10)).toEqual([]);
    expect(await keys.get('00030001020000000001')).toEqual(KEY);
    await keys.close();
    await leases.close();
  });

  it('rejects after close', async () => {
    const s = new SqliteReconfigureKeyStore({ path: tmp.file('keys.db'), durability: 'power' });
    await s.close();
    await s.close();
    await expect(s.get('0003')).rejects.toBeInstanceOf(StoreClosedError);
    await expect(s.put('0003', KEY)).rejects.toBeInstanceOf(StoreClosedError);
  });

  it('loses no key it announced when the process is killed (invariant 4)', async () => {
    const child = tmp.file('child.ts');
    const module = fileURLToPath(new URL('./reconfigure-keys.ts', import.meta.url));
    // Puts one key per DUID and prints its number only once put() resolved; bounded in count and time.
    writeFileSync(
      child,
      `import { SqliteReconfigureKeyStore } from ${JSON.stringify(module)};
const s = new SqliteReconfigureKeyStore({ path: process.argv[2] });
const deadline = Date.now() + 20_000;
for (let n = 0; n < 100_000 && Date.now() < deadline; n++) {
  const key = Buffer.alloc(16); key.writeUInt32BE(n);
  await s.put('0003' + n.toString(16).padStart(8, '0'), key);
  process.stdout.write(n + '\\n');
}
`,
    );
    const p = spawnTs(child, [tmp.file('keys.db')]);
    let announced = -1;
    let partial = '';
    p.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      if (lines.length) announced = Number(lines[lines.length - 1]);
      if (announced >= 2000) p.kill('SIGKILL');
    });
    const [code, signal] = (await once(p, 'close')) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
    const s = new SqliteReconfigureKeyStore({ path: tmp.file('keys.db') });
    const missing: number[] = [];
    for (let n = 0; n <= announced; n++) {
      const k = await s.get('0003' + n.toString(16).padStart(8, '0'));
      if (!k || k.readUInt32BE(0) !== n) missing.push(n);
    }
    await s.close();
    expect(missing).toEqual([]);
  });
});
