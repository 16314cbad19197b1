/**
 * Whatever the bench starts or creates is undone on every way out: normal
 * end, an exception, Ctrl-C, SIGTERM. Undo steps are synchronous so they
 * also run from process.on('exit').
 */

type Undo = () => void;

const steps = new Map<number, Undo>();
let next = 0;
let done = false;

/** Register an undo step; call the returned function once it is no longer needed. */
export function onCleanup(undo: Undo): () => void {
  const id = next++;
  steps.set(id, undo);
  return () => void steps.delete(id);
}

/** Undo everything, newest first. Safe to call more than once. */
export function cleanupNow(): void {
  if (done) return;
  done = true;
  for (const id of [...steps.keys()].reverse()) {
    try {
      steps.get(id)!();
    } catch (e) {
      console.error(`cleanup: ${(e as Error).message}`);
    }
  }
  steps.clear();
}

export function installCleanupHandlers(): void {
  process.on('exit', cleanupNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: cleaning up`);
      cleanupNow();
      process.exit(130);
    });
  }
}
