import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { BenchArgs } from './args.js';
import { keaVersion } from './servers.js';

/** The facts a reader needs to judge the numbers: when, what code, what machine, how busy. */
export function environment(a: BenchArgs): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--untracked-files=no', 'src') ? ' (src/ has uncommitted changes)' : '';
  const perf = execFileSync('perfdhcp', ['-v'], { encoding: 'utf8' }).replace('VERSION: ', '').trim();
  return [
    `- Date: ${new Date().toISOString()}; mode: ${a.quick ? 'quick' : 'full'}; parts: ${a.parts.join(', ')}`,
    `- Fulmar: commit ${git('rev-parse', '--short', 'HEAD') || '?'}${dirty}; Node ${process.version}; udp-io ${a.udpIo}`,
    `- Kea: kea-dhcp6 ${keaVersion()} (memfile, persist true, logging WARN, its default threading); perfdhcp ${perf} (-g single)`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, shared with other work; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
  ].join('\n');
}
