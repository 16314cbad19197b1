import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type preHandlerHookHandler } from 'fastify';
import { registerLookingGlass } from '../../src/control/lookingglass/index.js';
import { TransactionHistory } from '../../src/control/history/index.js';
import { canonicalIpv6 } from '../../src/protocol/index.js';
import type { ClientKey } from '../../src/control/types.js';
import { scenario, type Scenario } from './fixtures.js';

/**
 * A stand-in for the management API, just enough for the looking glass:
 * POST / with the commands the page uses, behind a bearer-token guard with
 * the API's contract, (app, guard) extensions included.
 */
export const READ_TOKEN = 'lg-test-token-7f3a9c';
/** Authenticates but lacks the read role. */
export const NO_ROLE_TOKEN = 'lg-test-norole-1b2c';

export interface StubApi {
  url: string;
  /** Commands received, in order. */
  calls: string[];
  close(): Promise<void>;
}

type Guard = (role: 'read' | 'write') => preHandlerHookHandler;

const guard: Guard = (role) => async (req: FastifyRequest, reply: FastifyReply) => {
  const h = req.headers.authorization ?? '';
  if (h === `Bearer ${NO_ROLE_TOKEN}`) return reply.code(403).send({ result: 1, text: `forbidden: needs role ${role}` });
  if (h !== `Bearer ${READ_TOKEN}`) return reply.code(401).header('www-authenticate', 'Bearer').send({ result: 1, text: 'unauthorized' });
};

const plainHex = (s: unknown): string => String(s).replace(/[^0-9a-f]/gi, '').toLowerCase();

function answer(s: Scenario, history: TransactionHistory, command: string, args: Record<string, unknown>): { result: number; text: string; arguments?: unknown } {
  switch (command) {
    case 'transactions-get': {
      const limit = Number(args.limit ?? 20);
      const transactions = history.query({ by: args.by, value: String(args.value) } as ClientKey, limit);
      return { result: transactions.length ? 0 : 3, text: `${transactions.length} transactions found`, arguments: { transactions } };
    }
    case 'lease6-get-by-duid': {
      const leases = s.leases.filter((l) => plainHex(l.duid) === plainHex(args.duid));
      return { result: leases.length ? 0 : 3, text: `${leases.length} IPv6 lease(s) found.`, arguments: { leases } };
    }
    case 'lease6-get': {
      const ip = canonicalIpv6(String(args['ip-address']));
      const type = args.type ?? 'IA_NA';
      const lease = s.leases.find((l) => canonicalIpv6(String(l['ip-address'])) === ip && l.type === type);
      return lease ? { result: 0, text: 'IPv6 lease found.', arguments: lease } : { result: 3, text: 'Lease not found.' };
    }
    case 'reservation-get': {
      const hit = args['identifier-type'] === 'duid' && plainHex(args.identifier) === plainHex(s.reservation.duid);
      return hit ? { result: 0, text: 'Host found.', arguments: s.reservation } : { result: 3, text: 'Host not found.' };
    }
    case 'stat-lease6-get':
      return { result: 0, text: 'stat-lease6-get: 4 rows found', arguments: { 'result-set': { ...s.subnetStats, timestamp: new Date().toISOString() } } };
    default:
      return { result: 2, text: `'${command}' command not supported.` };
  }
}

export async function startStubApi(s: Scenario = scenario()): Promise<StubApi> {
  const app: FastifyInstance = Fastify();
  const calls: string[] = [];
  const history = new TransactionHistory();
  for (const t of s.transactions) history.add(t);
  app.post<{ Body: { command?: string; arguments?: Record<string, unknown> } }>('/', { preHandler: guard('read') }, async (req) => {
    const command = String(req.body?.command ?? '');
    calls.push(command);
    return answer(s, history, command, req.body?.arguments ?? {});
  });
  const extensions = [(a: FastifyInstance, _g: Guard) => registerLookingGlass(a)];
  for (const e of extensions) await e(app, guard);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, calls, close: () => app.close() };
}
