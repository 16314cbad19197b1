import { DIRECT, directConfig } from './config.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { Fulmar } from './fulmar.js';
import type { Lab } from './lab.js';

/**
 * The link most scenarios use: Fulmar on srv0 in the lab's `srv` namespace,
 * serving directConfig(), and the client's end cli0 in `cli`.
 *
 *   PREFIX-cli  cli0 ══ srv0  PREFIX-srv (fulmar)   2001:db8:1::/64
 */
export async function serveDirectLink(lab: Lab, config: ConfigInput = directConfig()): Promise<Fulmar> {
  lab.veth({ ns: 'srv', iface: 'srv0', mac: '02:00:00:00:01:02' }, { ns: 'cli', iface: 'cli0', mac: '02:00:00:00:01:01' });
  lab.address('srv', 'srv0', DIRECT.server);
  await lab.linkLocal('srv', 'srv0');
  await lab.linkLocal('cli', 'cli0');
  return Fulmar.start(lab, 'srv', config);
}
