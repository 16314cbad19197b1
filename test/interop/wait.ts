import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Poll `probe` every 100 ms until it returns something other than
 * undefined/false; fail after `seconds`. Every wait in the interop tests
 * goes through here, so none can hang the suite.
 */
export async function waitFor<T>(what: string, seconds: number, probe: () => T | undefined | false, details?: () => string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const got = probe();
    if (got !== undefined && got !== false) return got;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}${details ? `\n${details()}` : ''}`);
    await sleep(100);
  }
}
