import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadConfig, parseConfigText, type ConfigIssue } from '../../config/validate.js';
import type { Config } from '../../config/schema.js';
import type { Codec } from '../../protocol/index.js';
import { retireProvisioning, setupProvisioning, type Provisioning, type SetupDeps } from '../../pipeline/setup.js';
import { buildModel, type ServerModel } from '../../server/model.js';

/** A config checked end to end: schema, plugins, sources, pipeline; ready to swap in. */
export interface Prepared {
  raw: unknown;
  config: Config;
  codec: Codec;
  provisioning: Provisioning;
  model: ServerModel;
}

export type PrepareResult = { ok: true; value: Prepared } | { ok: false; issues: ConfigIssue[] };

export function parseConfigFile(file: string): { ok: true; raw: unknown } | { ok: false; issues: ConfigIssue[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, issues: [{ path: '(file)', message: `cannot read ${file}: ${(e as Error).message}` }] };
  }
  return parseConfigText(text);
}

/** `raw` is the parsed JSON of a config; relative paths in it resolve against baseDir. */
export async function prepareConfig(raw: unknown, baseDir: string, deps: SetupDeps): Promise<PrepareResult> {
  const r = loadConfig(raw);
  if (!r.ok) return r;
  const p = await setupProvisioning(r.config, r.codec, baseDir, deps);
  if (!p.ok) return p;
  return { ok: true, value: { raw, config: r.config, codec: p.value.codec, provisioning: p.value, model: buildModel(r.config, p.value.codec, p.value.pipeline) } };
}

/** Check a config without touching anything running: what it opens is closed again. */
export async function testConfig(raw: unknown, baseDir: string, deps: Omit<SetupDeps, 'previous'>): Promise<ConfigIssue[]> {
  const r = await prepareConfig(raw, baseDir, deps);
  if (!r.ok) return r.issues;
  await retireProvisioning(r.value.provisioning, undefined);
  return [];
}

export function configBaseDir(file: string): string {
  return dirname(resolve(file));
}
