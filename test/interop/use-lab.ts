import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Lab } from './lab.js';

/**
 * One lab per test file: opened before its tests, `build` run in it, closed
 * after them even when `build` failed half-way. When a test fails, the tail
 * of every daemon's log is printed: the lab's directory is gone by the time
 * anyone reads the report.
 */
export function useLab<T>(prefix: string, namespaces: readonly string[], tools: readonly string[], build: (lab: Lab) => Promise<T>): () => T & { lab: Lab } {
  let lab: Lab | undefined;
  let built: (T & { lab: Lab }) | undefined;
  beforeAll(async () => {
    lab = Lab.open(prefix, namespaces, tools);
    built = { ...(await build(lab)), lab };
  }, 30_000);
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.error(lab?.logs())));
  afterAll(() => lab?.close());
  return () => {
    if (!built) throw new Error(`lab ${prefix} is not open: see the error in beforeAll`);
    return built;
  };
}
