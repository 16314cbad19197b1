/** Poll `probe` every 50 ms until it returns something other than undefined; fail loudly after `ms`. */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(50);
  }
}

/** `until` for a condition. */
export async function untilTrue(cond: () => boolean, ms: number, what: string): Promise<void> {
  await until(() => (cond() ? true : undefined), ms, what);
}

/** Wait for `cond` at most `ms`, without failing: the caller then checks what it got. */
export async function settle(cond: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond() && Date.now() < deadline) await sleep(50);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
