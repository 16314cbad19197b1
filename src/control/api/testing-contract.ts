import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandDef } from './command.js';
import { startTestApi, type TestApi } from './testing.js';

/**
 * The contract every command keeps, generated per command group:
 * success, bad arguments (the exact text), no credentials (401, nothing
 * changes), and for write commands a read-only user (403, nothing changes).
 */

export type Reply = Awaited<ReturnType<TestApi['call']>>;

export interface CommandCase {
  /** Arguments of the successful call (omitted: no `arguments`). */
  args?: unknown;
  setup?(t: TestApi): Promise<void> | void;
  /** Checks on the successful answer and the target's state. */
  ok(r: Reply, t: TestApi): Promise<void> | void;
  /** A bad call and its exact answer text. */
  bad: { args: unknown; text: string | ((t: TestApi) => string); setup?(t: TestApi): Promise<void> | void };
}

export function commandContract(title: string, commands: readonly CommandDef[], cases: Record<string, CommandCase>): void {
  describe(`${title} commands: contract`, () => {
    let t: TestApi;
    beforeEach(async () => {
      t = await startTestApi();
    });
    afterEach(async () => {
      await t.close();
    });

    it('has a case for every command of the group', () => {
      expect(Object.keys(cases).sort()).toEqual(commands.map((c) => c.name).sort());
    });

    for (const cmd of commands) {
      const c = cases[cmd.name];
      if (!c) continue;
      describe(cmd.name, () => {
        it('succeeds', async () => {
          await c.setup?.(t);
          const r = await t.call(cmd.name, c.args);
          expect(r.status).toBe(200);
          await c.ok(r, t);
          expect(t.logs.some((l) => l.obj.msgId === 'FULMAR_API_COMMAND' && l.obj.command === cmd.name && l.obj.user === 'admin')).toBe(true);
        });

        it('names the bad argument', async () => {
          await c.setup?.(t);
          await c.bad.setup?.(t);
          const before = await t.target.snapshot();
          const r = await t.call(cmd.name, c.bad.args);
          expect(r.body.result).toBe(1);
          expect(r.body.text).toBe(typeof c.bad.text === 'string' ? c.bad.text : c.bad.text(t));
          expect(await t.target.snapshot()).toEqual(before);
        });

        it('refuses a call without credentials (401) and changes nothing', async () => {
          await c.setup?.(t);
          const before = await t.target.snapshot();
          const r = await t.call(cmd.name, c.args, 'none');
          expect(r.status).toBe(401);
          expect(r.headers['www-authenticate']).toContain('Basic');
          expect(r.body.result).toBe(1);
          expect(t.logs.some((l) => l.obj.msgId === 'FULMAR_API_UNAUTHENTICATED')).toBe(true);
          await new Promise((done) => setImmediate(done));
          expect(await t.target.snapshot()).toEqual(before);
        });

        if (cmd.access === 'write') {
          it('refuses a read-only user (403) and changes nothing', async () => {
            await c.setup?.(t);
            const before = await t.target.snapshot();
            const r = await t.call(cmd.name, c.args, 'ro');
            expect(r.status).toBe(403);
            expect(r.body).toEqual({ result: 1, text: `forbidden: ${cmd.name} changes the server and user "viewer" is read-only` });
            expect(t.logs.some((l) => l.obj.msgId === 'FULMAR_API_FORBIDDEN' && l.obj.user === 'viewer')).toBe(true);
            await new Promise((done) => setImmediate(done));
            expect(await t.target.snapshot()).toEqual(before);
          });
        } else {
          it('is open to a read-only user', async () => {
            await c.setup?.(t);
            const r = await t.call(cmd.name, c.args, 'ro');
            expect(r.status).toBe(200);
          });
        }
      });
    }
  });
}
