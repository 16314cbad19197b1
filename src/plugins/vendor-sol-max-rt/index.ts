import { definePlugin } from '../../pipeline/types.js';
import { configSchema, handlerSchema, mergeSettings, privateOptionDef, type PartialSettings } from './config.js';
import { createHandler } from './handler.js';

/**
 * Example plugin: a CPE family that reads SOL_MAX_RT (RFC 8415 §21.24) from
 * a private option code instead of option 82. See README.md.
 */
export default definePlugin({
  name: 'vendor-sol-max-rt',
  configSchema,
  // The private option decodes by name in logs, dumps and the looking glass.
  options: (c) => (c.code === undefined ? [] : [privateOptionDef(c.code)]),
  handlers: {
    'vendor-sol-max-rt': {
      description: "Adds SOL_MAX_RT under the CPE family's private option code to the Advertise and Reply of clients whose Vendor Class carries the family's enterprise number",
      schema: handlerSchema,
      // `plugin`: this plugin's validated config, when the loader passes it.
      create: (config: PartialSettings, _env, plugin?: PartialSettings) => createHandler(mergeSettings(plugin, config)),
    },
  },
});

export { configSchema, handlerSchema, mergeSettings, privateOptionDef, type PartialSettings, type Settings } from './config.js';
export { createHandler } from './handler.js';
