import { convertExpiredLeases } from './expired-leases.js';
import { convertInterfaces } from './interfaces.js';
import { convertLeaseDatabase } from './lease-database.js';
import { levelKeys, readLevel } from './level.js';
import type { KeaObject } from './object.js';
import type { ConvertedOption, OptionContext } from './option-data.js';

/** Dhcp6's own settings, as Fulmar's dhcp6 keys (in a readable order), and its option-data. */
export function convertGlobals(d: KeaObject, ctx: OptionContext): { settings: Record<string, unknown>; options: ConvertedOption[] } {
  const settings: Record<string, unknown> = {};
  const listening = convertInterfaces(d.child('interfaces-config'));
  if (listening.interfaces.length) settings.interfaces = listening.interfaces;
  if (listening['listen-addresses'].length) settings['listen-addresses'] = listening['listen-addresses'];
  const leaseDb = d.has('lease-database') ? convertLeaseDatabase(d.child('lease-database')!) : undefined;
  if (leaseDb) settings['lease-database'] = leaseDb;
  const { options, ...level } = readLevel(d, ctx);
  Object.assign(settings, levelKeys({ ...level, options: [] }));
  const probation = d.seconds('decline-probation-period');
  if (probation !== undefined) settings['decline-probation-period'] = probation;
  const expired = d.child('expired-leases-processing');
  const reclaim = expired && convertExpiredLeases(expired);
  if (reclaim !== undefined) settings['reclaim-interval'] = reclaim;
  return { settings, options };
}
