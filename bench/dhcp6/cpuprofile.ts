import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of V8's .cpuprofile (node --cpu-prof) that self time needs. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  /** function (file:line), or V8's own (garbage collector), (program), (idle). */
  name: string;
  ms: number;
  share: number;
}

/**
 * Self time per function: each sample's interval charged to the function on
 * top of the stack, summed over every call site of that function.
 */
export function selfTimes(file: string, root: string): SelfTime[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nameOf = new Map<number, string>();
  for (const n of p.nodes) nameOf.set(n.id, label(n.callFrame, root));
  const micros = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    const name = nameOf.get(id) ?? '?';
    micros.set(name, (micros.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...micros]
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }))
    .sort((a, b) => b.ms - a.ms);
}

function label(f: { functionName: string; url: string; lineNumber: number }, root: string): string {
  if (!f.url) return f.functionName || '(anonymous)';
  const file = f.url.startsWith('file://') ? relative(root, new URL(f.url).pathname) : f.url;
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
}
