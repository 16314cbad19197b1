import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger, PipelineRequest } from '../../pipeline/types.js';

/** Test helpers: a fake `ip`, a logger that keeps its lines, a request. */

/**
 * A shell script standing in for `ip`: appends its arguments (and, for
 * `-batch -`, each line it reads, indented) to a file. Lines containing a
 * `fail()` pattern fail with the given message, as ip reports it.
 */
export class FakeIp {
  readonly dir = mkdtempSync(join(tmpdir(), 'fulmar-fake-ip-'));
  readonly path = join(this.dir, 'ip');

  constructor() {
    writeFileSync(
      this.path,
      `#!/bin/sh
d=$(dirname "$0")
echo "$*" >> "$d/calls"
failing() { [ -f "$d/fail" ] && printf '%s\\n' "$1" | grep -qFf "$d/fail"; }
if [ "$3" = "-batch" ]; then
  n=0; rc=0
  while IFS= read -r line; do
    n=$((n + 1)); echo "  $line" >> "$d/calls"
    if failing "$line"; then cat "$d/error" >&2; echo "Command failed -:$n" >&2; rc=1; fi
  done
  exit $rc
fi
if failing "$*"; then cat "$d/error" >&2; exit 2; fi
`,
    );
    chmodSync(this.path, 0o755);
  }

  /** Commands containing `pattern` fail, printing `error` to stderr. */
  fail(pattern: string, error: string): void {
    writeFileSync(join(this.dir, 'fail'), `${pattern}\n`);
    writeFileSync(join(this.dir, 'error'), `${error}\n`);
  }

  calls(): string[] {
    const f = join(this.dir, 'calls');
    return existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter(Boolean) : [];
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface LogLine {
  level: string;
  msgId?: string;
  [k: string]: unknown;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object) => void lines.push({ level, ...obj });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A request as the pipeline sees it; direct from fe80::a on eth1 unless overridden. */
export function request(over: Partial<PipelineRequest> = {}): PipelineRequest {
  return {
    type: 'request',
    msg: { type: 'request', xid: 1, options: [] },
    relays: [],
    ids: { duid: '00030001020000000b01' },
    iface: 'eth1',
    source: 'fe80::a',
    elapsedSeconds: 0,
    ...over,
  };
}
