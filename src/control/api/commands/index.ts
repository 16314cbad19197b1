import type { CommandDef } from '../command.js';
import { configCommands } from './config.js';
import { fulmarCommands } from './fulmar.js';
import { leaseCommands } from './leases.js';
import { reservationCommands } from './reservations.js';
import { serverCommands } from './server.js';
import { statisticsCommands } from './statistics.js';

/** Every command, by group, in the order docs/api.md lists them. */
export const COMMAND_GROUPS: readonly { title: string; commands: readonly CommandDef[] }[] = [
  { title: 'Server', commands: serverCommands },
  { title: 'Configuration', commands: configCommands },
  { title: 'Statistics', commands: statisticsCommands },
  { title: 'Leases', commands: leaseCommands },
  { title: 'Reservations', commands: reservationCommands },
  { title: "Fulmar's own", commands: fulmarCommands },
];

export const COMMANDS: ReadonlyMap<string, CommandDef> = new Map(COMMAND_GROUPS.flatMap((g) => g.commands.map((c) => [c.name, c] as const)));
