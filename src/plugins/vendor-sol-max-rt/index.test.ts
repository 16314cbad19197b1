import { describe, expect, it } from 'vitest';
import plugin, { configSchema, handlerSchema } from './index.js';
import type { SetupEnv } from '../../pipeline/types.js';
import { mergeSettings } from './config.js';
import { contextFor } from './testing.js';

const env = {} as SetupEnv;

describe('vendor-sol-max-rt plugin', () => {
  it('is a plugin value with one handler', () => {
    expect(plugin.name).toBe('vendor-sol-max-rt');
    expect(Object.keys(plugin.handlers ?? {})).toEqual(['vendor-sol-max-rt']);
  });

  it('validates its config: code not a standard option, SOL_MAX_RT within RFC 8415 bounds, no unknown keys', () => {
    expect(configSchema.parse({ enterprise: 4491, code: 65001 })).toEqual({ enterprise: 4491, code: 65001 });
    expect(configSchema.parse({})).toEqual({});
    expect(configSchema.safeParse({ enterprise: -1 }).success).toBe(false);
    const standard = configSchema.safeParse({ enterprise: 4491, code: 82 });
    expect(standard.error?.issues[0]?.message).toMatch(/standard DHCPv6 option code/);
    expect(configSchema.safeParse({ enterprise: 4491, code: 65001, 'sol-max-rt': 59 }).success).toBe(false);
    expect(configSchema.safeParse({ enterprise: 4491, code: 65001, 'sol-max-rt': 86401 }).success).toBe(false);
    expect(configSchema.safeParse({ enterprise: 4491, code: 65001, extra: 1 }).success).toBe(false);
  });

  it('describes every config field (fulmar schema shows them)', () => {
    for (const [key, field] of Object.entries(configSchema.shape)) expect(field.unwrap().description, key).toBeTruthy();
  });

  it('takes its settings from the plugin config, overridden by the pipeline entry', () => {
    expect(mergeSettings({ enterprise: 1, code: 65001 }, handlerSchema.parse({ 'sol-max-rt': 60 }))).toEqual({ enterprise: 1, code: 65001, 'sol-max-rt': 60 });
    expect(mergeSettings(undefined, handlerSchema.parse({ enterprise: 2, code: 65002 }))).toEqual({ enterprise: 2, code: 65002 });
    expect(() => mergeSettings(undefined, handlerSchema.parse({ enterprise: 2 }))).toThrow(/"code" missing/);
  });

  it('creates a working handler through its definition', () => {
    const def = plugin.handlers!['vendor-sol-max-rt']!;
    const create = def.create as (c: unknown, e: SetupEnv, p?: unknown) => ReturnType<typeof def.create>;
    const handler = create(def.schema.parse({}), env, configSchema.parse({ enterprise: 4491, code: 65001, 'sol-max-rt': 300 }));
    const ctx = contextFor([{ code: 16, value: { enterprise: 4491, data: [] } }], { type: 'reply', xid: 1, options: [] });
    void handler.post!(ctx);
    expect(ctx.response!.options).toEqual([expect.objectContaining({ code: 65001, value: 300 })]);
  });
});
