import { writeFileSync } from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentifierType } from '../../pipeline/types.js';
import { CsvAssignmentSource } from './csv.js';
import { AssignmentFileError } from './errors.js';
import { generatedLine, HEADER, TempDir } from './testing.js';

let tmp: TempDir;
beforeEach(() => {
  tmp = new TempDir();
});
afterEach(() => tmp.remove());

function file(text: string, name = 'a.csv'): string {
  const p = tmp.file(name);
  writeFileSync(p, text);
  return p;
}

function problems(text: string): string[] {
  const path = file(text);
  try {
    new CsvAssignmentSource({ name: 't', path });
  } catch (e) {
    expect(e).toBeInstanceOf(AssignmentFileError);
    return [...(e as AssignmentFileError).problems];
  }
  throw new Error('loaded without problems');
}

describe('CsvAssignmentSource: loading', () => {
  it('loads canonical entries, columns by name, RFC 4180 quoting for options', () => {
    const path = file(
      [
        '# static assignments',
        'prefix,id,id-type,address,options',
        '2001:db8:100::/56,00:01:00:01:AA:BB,duid,2001:DB8::10,',
        '',
        '2001:db8:200::/56,4491:00-11-22,remote-id,,"[{""name"":""dns-servers"",""value"":[""2001:db8::53""]}]"',
        ',port 7,flex-id,2001:db8::7,',
      ].join('\n'),
    );
    const s = new CsvAssignmentSource({ name: 'static', path });
    expect(s.kind).toBe('csv');
    expect(s.size).toBe(3);
    expect(s.lookup('duid', '00010001aabb')).toMatchObject({ address: '2001:db8::10', prefix: '2001:db8:100::/56', options: undefined, line: 3 });
    expect(s.lookup('remote-id', '4491:001122')).toMatchObject({
      address: undefined,
      prefix: '2001:db8:200::/56',
      options: [{ name: 'dns-servers', value: ['2001:db8::53'] }],
    });
    expect(s.lookup('flex-id', 'port 7')?.address).toBe('2001:db8::7');
    expect(s.lookup('duid', '00:01:00:01:aa:bb')).toBeUndefined(); // lookups take canonical ids
  });

  it('names FILE:LINE and the value for every kind of problem', () => {
    const got = problems(
      [
        HEADER,
        'mac,00:11,2001:db8::1,,', // 2
        'hw-address,0:1:2,2001:db8::2,,', // 3
        'duid,0001,2001:db8::zz,,', // 4
        'duid,0002,,2001:db8::1/56,', // 5
        'duid,0003,,,', // 6
        'duid,0004,2001:db8::4,,', // 7
        'duid,0004,2001:db8::5,,', // 8
        'duid,0005,2001:db8::4,,', // 9
        'duid,0006,,2001:db8:1::/56,', // 10
        'remote-id,9:06,,2001:db8:1::/56,', // 11
        'duid,0007,2001:db8::7,,[{"name":1}', // 12: unquoted, so the JSON is split at the comma... no comma here
        'duid,0008,2001:db8::8,,"{""name"":1}"', // 13
        'duid,0009,2001:db8::9,,"[1,2"', // 14
        'duid,000a,2001:db8::a,,,extra', // 15
        'duid,000b,"2001:db8::b"x,,', // 16
      ].join('\n'),
    );
    const f = tmp.file('a.csv');
    expect(got).toEqual([
      `${f}:2: unknown id-type "mac" (expected one of duid, hw-address, interface-id, remote-id, subscriber-id, flex-id)`,
      `${f}:3: bad hw-address "0:1:2": expected hex bytes such as 00:11:22:33:44:55 (at most 20 bytes)`,
      `${f}:4: bad address "2001:db8::zz": not an IPv6 address`,
      `${f}:5: bad prefix "2001:db8::1/56": host bits set (did you mean 2001:db8::/56?)`,
      `${f}:6: duid 0003 has neither an address nor a prefix`,
      `${f}:8: duplicate duid 0004 (first on line 7)`,
      `${f}:9: address 2001:db8::4 is already given to duid 0004 on line 7`,
      `${f}:11: prefix 2001:db8:1::/56 is already given to duid 0006 on line 10`,
      expect.stringMatching(new RegExp(`^${f}:12: a quote inside an unquoted field`)),
      `${f}:13: bad options: expected a JSON array of option-data objects`,
      expect.stringMatching(new RegExp(`^${f}:14: bad options JSON "\\[1,2": `)),
      `${f}:15: 6 fields but the header has 5 (quote a field that holds a comma)`,
      `${f}:16: unexpected text after a closing quote (a quote inside a field is written "")`,
    ]);
  });

  it('refuses a file without a usable header', () => {
    const f = tmp.file('a.csv');
    expect(problems('# nothing\n')).toEqual([`${f}:1: no header line (expected "id-type,id,address,prefix,options")`]);
    expect(problems('duid,0001,2001:db8::1,,\n')).toEqual([`${f}:1: unknown column "duid" in the header (expected "id-type,id,address,prefix,options")`]);
    expect(problems('id,address\n')).toEqual([`${f}:1: the header needs the columns "id-type" and "id" (expected "id-type,id,address,prefix,options")`]);
    expect(problems('id-type,id,id\n')).toEqual([`${f}:1: column "id" appears twice in the header`]);
  });

  it('lists the first 20 problems and counts the rest', () => {
    const path = file([HEADER, ...Array.from({ length: 25 }, (_, i) => `duid,zz${i},2001:db8::${i + 1},,`)].join('\n'));
    let err: AssignmentFileError | undefined;
    try {
      new CsvAssignmentSource({ name: 't', path });
    } catch (e) {
      err = e as AssignmentFileError;
    }
    expect(err?.code).toBe('ASSIGNMENT_FILE_INVALID');
    expect(err?.total).toBe(25);
    expect(err?.problems).toHaveLength(20);
    expect(err?.message.split('\n')[0]).toBe(`${path}: 25 problems:`);
    expect(err?.message.split('\n').at(-1)).toBe('(5 more)');
  });
});

function lines(from: number, to: number, salt = 0): string {
  const out = [HEADER];
  for (let i = from; i < to; i++) out.push(generatedLine(i, salt));
  return out.join('\n') + '\n';
}

describe('CsvAssignmentSource: reload', () => {
  it('refuses past the delete limit and keeps serving the old table', async () => {
    const path = file(lines(0, 10_000));
    const s = new CsvAssignmentSource({ name: 't', path });
    writeFileSync(path, lines(4_200, 10_000));
    const r = await s.reload();
    expect(r).toEqual({ ok: false, entries: 10_000, added: 0, removed: 0, changed: 0, reason: 'reload would remove 4,200 of 10,000 entries (42%), more than the limit of 10%' });
    expect(await s.count()).toBe(10_000);
    expect(s.lookup('duid', '00000000000000000000')).toBeDefined();
  });

  it('applies a reload within the limit and counts what changed', async () => {
    const path = file(lines(0, 1_000));
    const s = new CsvAssignmentSource({ name: 't', path, maxDeleteShare: 0.2 });
    // Lines 0..99 go, 1000..1049 come, 900..999 get other prefixes.
    writeFileSync(path, [lines(100, 900), lines(900, 1_000, 5_000).slice(HEADER.length + 1), lines(1_000, 1_050).slice(HEADER.length + 1)].join(''));
    expect(await s.reload()).toEqual({ ok: true, entries: 950, added: 50, removed: 100, changed: 100 });
    expect(s.lookup('duid', '00000000000000000000')).toBeUndefined();
    expect(s.lookup('hw-address', '0000000003eb')).toBeDefined(); // line 1003
  });

  it('refuses a file with problems, saying where', async () => {
    const path = file(lines(0, 10));
    const s = new CsvAssignmentSource({ name: 't', path });
    writeFileSync(path, lines(0, 10) + 'duid,zz,2001:db8::1,,\nduid,yy,2001:db8::2,,\n');
    const r = await s.reload();
    expect(r.ok).toBe(false);
    expect(r.reason).toBe(`${path}:12: bad duid "zz": expected hex bytes such as 00:01:00:01:2c:4d:5e:6f:00:11:22:33:44:55 (at most 130 bytes) (and 1 more problem)`);
    expect(r.entries).toBe(10);
    writeFileSync(path, 'x');
    await tmp.remove();
    expect((await s.reload()).reason).toMatch(/^cannot read .*ENOENT/);
  });

  it('swaps atomically: lookups see the old table until the new one is complete', async () => {
    const path = file(lines(0, 2_000));
    const s = new CsvAssignmentSource({ name: 't', path, maxDeleteShare: 0, reloadSlice: 50 });
    writeFileSync(path, lines(0, 2_000, 7_000));
    const before = s.lookup('duid', '00000000000000000000')!.prefix;
    let done = false;
    const p = s.reload().then((r) => ((done = true), r));
    let yields = 0;
    while (!done) {
      // Between slices of the reload, every entry is still the old one.
      if (!done) expect(s.lookup('duid', '00000000000000000000')!.prefix).toBe(before);
      yields++;
      await tick();
    }
    expect(yields).toBeGreaterThan(10);
    expect(await p).toMatchObject({ ok: true, changed: 2_000 });
    expect(s.lookup('duid', '00000000000000000000')!.prefix).not.toBe(before);
  });

  it('runs one follow-up reload for calls made during a reload', async () => {
    const path = file(lines(0, 100));
    const s = new CsvAssignmentSource({ name: 't', path, reloadSlice: 10 });
    const a = s.reload();
    writeFileSync(path, lines(0, 101));
    const [b, c] = [s.reload(), s.reload()];
    expect(b).toBe(c);
    expect((await a).ok).toBe(true);
    expect(await b).toMatchObject({ ok: true, entries: 101 });
  });
});

describe('CsvAssignmentSource: paging and scale', () => {
  it('pages in (id-type, id) order', async () => {
    const s = new CsvAssignmentSource({ name: 't', path: file(lines(0, 600)) });
    const seen: string[] = [];
    let after: { idType: never; id: string } | undefined;
    while (true) {
      const page = await s.page(after, 70);
      if (page.length === 0) break;
      for (const e of page) seen.push(`${e.idType} ${e.id}`);
      after = page.at(-1) as never;
    }
    expect(seen).toHaveLength(600);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('duid 00000000000000000000');
    expect(await s.page(undefined, 0)).toEqual([]);
    // Entries are copies: changing one does not change the table.
    const e = s.lookup('duid', '00000000000000000000')!;
    (e as { address?: string }).address = '2001:db8::bad';
    expect(s.lookup('duid', '00000000000000000000')!.address).toBeUndefined();
    await expect(s.page(undefined, -1)).rejects.toThrow(RangeError);
  });

  it('loads a generated 100,000-line file correctly', () => {
    const path = file(lines(0, 100_000));
    const s = new CsvAssignmentSource({ name: 'big', path });
    expect(s.size).toBe(100_000);
    for (const i of [0, 1, 5, 99_997, 99_999]) {
      const [type, id] = generatedLine(i).split(',') as [IdentifierType, string];
      const e = s.lookup(type, type === 'hw-address' || type === 'remote-id' ? id.replace(/:(?=..(:|$))/g, '') : id);
      expect(e?.line, `line ${i}`).toBe(i + 2);
    }
    expect(s.lookup('remote-id', '4491:000000000008')).toMatchObject({ address: '2001:db8:ffff:ffff::8:0', prefix: '2001:db8:0:800::/56' });
  });
});
