import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selfTimes, type SelfTime } from './cpuprofile.js';
import { MODES, perfdhcp, probe, type Mode } from './perfdhcp.js';
import { SERVE } from './params.js';
import { markdownTable } from './report.js';
import { startServer } from './servers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TOP = 15;
/** Near saturation, so the profile shows work rather than waiting. */
const PROFILE_RATE = 3000;
const PROFILE_SECONDS = 4;
/** V8's pseudo-frames that are not our code. */
const NOT_WORK = new Set(['(idle)', '(program)', '(garbage collector)']);

/**
 * Where Fulmar's CPU time goes: `node --cpu-prof` while perfdhcp drives it
 * (IA_NA direct, and IA_NA+IA_PD relayed), and, given the scale part's
 * filled database, while it starts on it.
 */
export async function profileSection(workDir: string, progress: (line: string) => void, filledDb?: string): Promise<string> {
  const parts: string[] = [];
  for (const mode of [MODES[0]!, MODES[3]!]) {
    const dir = join(workDir, mode.id);
    const profile = await profileServing(dir, mode);
    progress(`profile ${mode.label}: ${profile}`);
    parts.push(section(`Serving ${mode.label}: ${PROFILE_SECONDS} s at ${PROFILE_RATE} Solicits/s after a 1 s warm-up`, profile));
  }
  if (filledDb && existsSync(filledDb)) {
    const dir = join(workDir, 'startup');
    mkdirSync(dir, { recursive: true });
    copyFileSync(filledDb, join(dir, 'leases6.sqlite'));
    const profile = await profileStartup(dir);
    parts.push(section('Start on the full store (until the first Advertise)', profile));
  }
  return `## Where Fulmar's time goes (node --cpu-prof, self time)\n\n${parts.join('\n\n')}`;
}

async function profileServing(dir: string, mode: Mode): Promise<string> {
  const profDir = join(dir, 'prof');
  const server = await startServer('fulmar-process', dir, { cpuProfDir: profDir });
  try {
    await perfdhcp(mode, 1000, 1);
    await perfdhcp(mode, PROFILE_RATE, PROFILE_SECONDS);
  } finally {
    await server.stop();
  }
  return onlyFile(profDir);
}

async function profileStartup(dir: string): Promise<string> {
  const profDir = join(dir, 'prof');
  const server = await startServer('fulmar-process', dir, { cpuProfDir: profDir, params: { ...SERVE, pool: '2001:db8:1:0:1::/108' } });
  try {
    while (!(await probe()));
  } finally {
    await server.stop();
  }
  return onlyFile(profDir);
}

function onlyFile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1) throw new Error(`expected one .cpuprofile in ${dir}, found ${files.length}`);
  return join(dir, files[0]!);
}

function section(title: string, file: string): string {
  const all = selfTimes(file, ROOT);
  const busy = all.filter((t) => !NOT_WORK.has(t.name));
  const busyMs = busy.reduce((s, t) => s + t.ms, 0);
  const pseudo = all.filter((t) => NOT_WORK.has(t.name)).map((t) => `${t.name} ${share(t)}`);
  const rows = busy.slice(0, TOP).map((t) => [shorten(t.name), t.ms.toFixed(0), `${((t.ms / busyMs) * 100).toFixed(1)} %`]);
  return `### ${title}\n\nOf all samples: ${pseudo.join(', ')}; top ${TOP} functions by self time (share of the rest):\n\n${markdownTable(['Function', 'self ms', 'share'], rows)}`;
}

/** V8 names a regular expression by its whole source; a line of a table is enough. */
const shorten = (name: string) => (name.length > 70 ? `${name.slice(0, 69)}…` : name);

const share = (t: SelfTime) => `${(t.share * 100).toFixed(1)} %`;
