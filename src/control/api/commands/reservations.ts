import { z } from 'zod';
import type { AssignmentEntry, AssignmentSource } from '../../../pipeline/sources.js';
import type { IdentifierType } from '../../../pipeline/types.js';
import { checkOptionsList, MAX_OPTIONS } from '../../../store/assignments/options.js';
import type { ControlTarget } from '../../types.js';
import { ArgumentError, command, empty, fail, ok, type Answer, type CommandDef } from '../command.js';
import { ipv6Address, ipv6Prefix, MAX_ALL, pageLimit, uint32 } from '../fields.js';
import { canonicalIdentifier, IDENTIFIER_TYPES, identifierType, printIdentifier } from '../identifiers.js';

/**
 * Kea's host_cmds over the AssignmentSources: reads from any source, writes
 * through the sources that have put/remove (SQLite, PostgreSQL tables).
 */

const subnetArg = uint32.optional().describe("Accepted for Kea compatibility and ignored: Fulmar's assignments are not per subnet");
const sourceArg = z.string().min(1).max(128).optional().describe('Name of the assignment source (default: the only writable one, or every source for reads)');
const NO_WRITABLE = 'no assignment source accepts writes: reservation changes need a sqlite or postgresql source';

/** Kea's (identifier-type, identifier) pair, turned into the canonical id. */
const byIdentifier = {
  'subnet-id': subnetArg,
  'identifier-type': identifierType.describe('duid, hw-address, flex-id (Kea), or remote-id, subscriber-id, interface-id (Fulmar)'),
  identifier: z.string().min(1).max(600).describe("Colon-separated hex; remote-id as ENTERPRISE:HEX; flex-id also as 'text'"),
  source: sourceArg,
};

function identified<T extends { 'identifier-type': IdentifierType; identifier: string }>(a: T, ctx: z.core.$RefinementCtx): T & { id: string } {
  const c = canonicalIdentifier(a['identifier-type'], a.identifier);
  if ('problem' in c) {
    ctx.addIssue({ code: 'custom', path: ['identifier'], message: c.problem });
    return z.NEVER;
  }
  return { ...a, id: c.id };
}

const identifierArgs = z.strictObject(byIdentifier).transform(identified);

const reservation = z
  .strictObject({
    'subnet-id': subnetArg,
    ...Object.fromEntries(IDENTIFIER_TYPES.map((t) => [t, z.string().min(1).max(600).optional().describe(`Client identified by ${t}`)])),
    'ip-addresses': z.array(ipv6Address).max(1).optional().describe('The reserved address (a Fulmar assignment holds at most one)'),
    prefixes: z.array(ipv6Prefix).max(1).optional().describe('The reserved prefix (at most one)'),
    // The shape here; the source checks the options against the option definitions when it stores them.
    'option-data': z
      .array(z.record(z.string(), z.unknown()))
      .max(MAX_OPTIONS)
      .optional()
      .describe('Options for this client, in config form ({"name": "dns-servers", "value": [...]})'),
  })
  .transform((r, ctx) => {
    const given = IDENTIFIER_TYPES.filter((t) => (r as Record<string, unknown>)[t] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: `needs exactly one identifier of ${IDENTIFIER_TYPES.join(', ')}${given.length ? ` (got ${given.join(', ')})` : ''}` });
      return z.NEVER;
    }
    const idType = given[0]!;
    const c = canonicalIdentifier(idType, (r as Record<string, string>)[idType]!);
    if ('problem' in c) {
      ctx.addIssue({ code: 'custom', path: [idType], message: c.problem });
      return z.NEVER;
    }
    if (!r['ip-addresses']?.length && !r.prefixes?.length && !r['option-data']?.length) {
      ctx.addIssue({ code: 'custom', path: [], message: 'reserves nothing: give ip-addresses, prefixes or option-data' });
      return z.NEVER;
    }
    const e: AssignmentEntry = { idType, id: c.id };
    if (r['ip-addresses']?.length) e.address = r['ip-addresses'][0]!;
    if (r.prefixes?.length) e.prefix = r.prefixes[0]!;
    if (r['option-data']?.length) {
      const o = checkOptionsList(r['option-data']);
      if (o.error !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['option-data'], message: o.error });
        return z.NEVER;
      }
      e.options = o.value;
    }
    return e;
  });

function hostJson(e: AssignmentEntry, source: string): Record<string, unknown> {
  return {
    [e.idType]: printIdentifier(e.idType, e.id),
    'ip-addresses': e.address ? [e.address] : [],
    prefixes: e.prefix ? [e.prefix] : [],
    'option-data': e.options ?? [],
    source,
  };
}

function named(t: ControlTarget, name: string): AssignmentSource {
  const s = t.assignmentSources().find((x) => x.name === name);
  if (!s) throw new ArgumentError('source', `no assignment source named "${name}"`);
  return s;
}

/** The source(s) a write goes to; a string is the reason there are none. */
function writable(t: ControlTarget, name: string | undefined, one: boolean): AssignmentSource[] | string {
  if (name !== undefined) {
    const s = named(t, name);
    if (!s.put || !s.remove) throw new ArgumentError('source', `"${name}" is a ${s.kind} source: it cannot be written through the API`);
    return [s];
  }
  const all = t.assignmentSources().filter((s) => s.put && s.remove);
  if (all.length === 0) return NO_WRITABLE;
  if (one && all.length > 1) throw new ArgumentError('source', `required: several sources are writable (${all.map((s) => s.name).join(', ')})`);
  return all;
}

const listable = (t: ControlTarget, name: string | undefined) => (name !== undefined ? [named(t, name)] : t.assignmentSources()).filter((s) => s.page);
const hostsFound = (n: number) => `${n} IPv6 host(s) found.`;

/** reservation-get-page's cursor: "TYPE:ID" of the last entry returned. */
function parseCursor(s: string): { idType: IdentifierType; id: string } {
  const i = s.indexOf(':');
  const idType = s.slice(0, i) as IdentifierType;
  if (i < 0 || !IDENTIFIER_TYPES.includes(idType as (typeof IDENTIFIER_TYPES)[number])) throw new ArgumentError('from', 'not a cursor from a previous page ("next.from")');
  return { idType, id: s.slice(i + 1) };
}

export const reservationCommands: CommandDef[] = [
  command({
    name: 'reservation-add',
    access: 'write',
    description: 'Add (or replace) the static assignment of one client in a writable assignment source.',
    args: z.strictObject({ reservation: reservation.describe("The client's identifier and what it gets"), source: sourceArg }),
    handler: async (t, a): Promise<Answer> => {
      const to = writable(t, a.source, true);
      if (typeof to === 'string') return fail(to);
      await to[0]!.put!(a.reservation);
      return ok('Host added.');
    },
  }),
  command({
    name: 'reservation-get',
    access: 'read',
    description: 'The static assignment of one client, from the named source or the first source that has it.',
    args: identifierArgs,
    handler: async (t, a) => {
      for (const s of a.source !== undefined ? [named(t, a.source)] : t.assignmentSources()) {
        const got = await s.lookup(a['identifier-type'], a.id);
        if (got) return ok('Host found.', hostJson({ ...got, idType: a['identifier-type'], id: a.id }, s.name));
      }
      return empty('Host not found.');
    },
  }),
  command({
    name: 'reservation-get-all',
    access: 'read',
    description: `Every static assignment of the sources that can list theirs (at most ${MAX_ALL}; page beyond that).`,
    args: z.strictObject({ 'subnet-id': subnetArg, source: sourceArg }),
    handler: async (t, a) => {
      const hosts: Record<string, unknown>[] = [];
      for (const s of listable(t, a.source)) {
        for (let after: { idType: IdentifierType; id: string } | undefined; ; ) {
          const page = await s.page!(after, 1000);
          for (const e of page) hosts.push(hostJson(e, s.name));
          if (hosts.length > MAX_ALL) return fail(`more than ${MAX_ALL} hosts: use reservation-get-page`);
          if (page.length < 1000) break;
          after = page[page.length - 1]!;
        }
      }
      return hosts.length ? ok(hostsFound(hosts.length), { hosts }) : empty(hostsFound(0), { hosts });
    },
  }),
  command({
    name: 'reservation-get-page',
    access: 'read',
    description: 'Static assignments a page at a time: pass back `next.from` and `next.source-index` until count is 0.',
    args: z.strictObject({
      'subnet-id': subnetArg,
      limit: pageLimit.describe('Page size'),
      'source-index': z.number().int().min(0).max(1000).default(0).describe('From the previous answer\'s next.source-index'),
      from: z.string().min(1).max(700).optional().describe("From the previous answer's next.from"),
      source: sourceArg,
    }),
    handler: async (t, a) => {
      const sources = listable(t, a.source);
      let after = a.from === undefined ? undefined : parseCursor(a.from);
      for (let i = a['source-index']; i < sources.length; i++, after = undefined) {
        const page = await sources[i]!.page!(after, a.limit);
        if (page.length === 0) continue;
        const last = page[page.length - 1]!;
        const hosts = page.map((e) => hostJson(e, sources[i]!.name));
        return ok(hostsFound(hosts.length), { count: hosts.length, hosts, next: { from: `${last.idType}:${last.id}`, 'source-index': i } });
      }
      return empty(hostsFound(0), { count: 0, hosts: [] });
    },
  }),
  command({
    name: 'reservation-del',
    access: 'write',
    description: 'Delete the static assignment of one client from the writable source(s).',
    args: identifierArgs,
    handler: async (t, a) => {
      const from = writable(t, a.source, false);
      if (typeof from === 'string') return fail(from);
      let deleted = false;
      for (const s of from) if (await s.remove!(a['identifier-type'], a.id)) deleted = true;
      return deleted ? ok('Host deleted.') : empty('Host not deleted (not found).');
    },
  }),
];
