import { z } from 'zod';
import type { Codec, Option } from '../protocol/index.js';
import { optionDataSchema } from '../config/schema.js';
import { checkOptionData, formatPath, type ConfigIssue } from '../config/validate.js';
import { configuredOption } from '../server/model.js';
import { compileBool, compileValue } from './expr/index.js';
import type { AssignmentSource } from './sources.js';
import type { Logger, SetupEnv } from './types.js';

/**
 * Options set by pipeline handlers that go out whether or not the client
 * asked (option-data "always-send"); the rest follow the client's ORO.
 */
export const ALWAYS_SEND = new WeakSet<Option>();

const optionList = z.array(optionDataSchema);

export interface EnvDeps {
  codec: Codec;
  log: Logger;
  sources: ReadonlyMap<string, AssignmentSource>;
  count(statistic: string, by?: number): void;
}

export function setupEnv(deps: EnvDeps): SetupEnv {
  return {
    log: deps.log,
    source: (name) => deps.sources.get(name),
    compileBool,
    compileValue,
    count: deps.count,
    options(list) {
      const parsed = optionList.safeParse(list);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new Error(`${formatPath(i.path).replace(/^\(top level\)$/, '').replace(/^(?=[^[])/, '.')}: ${i.message}`.replace(/^: /, ''));
      }
      const issues: ConfigIssue[] = [];
      checkOptionData(parsed.data, '', deps.codec, issues);
      // Paths relative to the list, e.g. "[0].name": the caller names the list.
      if (issues.length) throw new Error(issues.map((i) => `${i.path.replace(/^\.option-data/, '')}: ${i.message}`).join('; '));
      return parsed.data.map((o) => {
        const c = configuredOption(deps.codec, o);
        if (c.alwaysSend) ALWAYS_SEND.add(c.option);
        return c.option;
      });
    },
  };
}
