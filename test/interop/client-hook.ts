import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Lab } from './lab.js';

/** One call of a client's hook script: why it was called and the variables it got. */
export interface ScriptEvent {
  reason: string;
  env: Record<string, string>;
}

/** The records record-env.sh appended, oldest first. */
export function readScriptLog(file: string): ScriptEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/^@ /m)
    .filter((record) => record.endsWith('\n\n'))
    .map((record) => {
      const [reason, ...lines] = record.trimEnd().split('\n');
      const env: Record<string, string> = {};
      for (const line of lines) {
        const eq = line.indexOf('=');
        if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
      }
      return { reason: reason!, env };
    });
}

/**
 * A client's hook script in the lab: a wrapper that names the client's own
 * event log and runs `target` (record-env.sh or dhclient-script.sh). A
 * wrapper, not an environment variable, because dhcpcd does not pass its
 * `env` settings to the hooks of an interface it delegates a prefix to.
 */
export function installHook(lab: Lab, client: string, target: 'record-env.sh' | 'dhclient-script.sh'): { hook: string; events: string } {
  for (const name of ['record-env.sh', 'dhclient-script.sh']) {
    copyFileSync(new URL(name, import.meta.url), lab.path(name));
    // Copied, and made executable here, so the checkout's file modes do not matter.
    chmodSync(lab.path(name), 0o755);
  }
  const hook = lab.path(`${client}.hook`);
  const events = lab.path(`${client}.events`);
  writeFileSync(hook, `#!/bin/sh\nINTEROP_LOG='${events}' exec '${lab.path(target)}' "$@"\n`, { mode: 0o755 });
  return { hook, events };
}
