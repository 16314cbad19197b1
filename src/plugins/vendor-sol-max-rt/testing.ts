import type { ClientServerMessage6, Option } from '../../protocol/index.js';
import type { PipelineContext, PipelineRequest } from '../../pipeline/types.js';

/** A hand-built pipeline context for the handler tests: a request with these options, a response so far. */
export function contextFor(requestOptions: Option[], response?: ClientServerMessage6, request: Partial<PipelineRequest> = {}): PipelineContext {
  return {
    request: {
      type: 'solicit',
      msg: { type: 'solicit', xid: 0x123456, options: requestOptions },
      relays: [],
      ids: { duid: '00030001020000000001' },
      iface: 'eth0',
      source: 'fe80::1',
      elapsedSeconds: 0,
      ...request,
    },
    marks: new Set(),
    assigned: { addresses: [], prefixes: [], lineBound: false },
    options: [],
    timers: {},
    dynamic: true,
    dump: false,
    leaseContext: {},
    response,
  };
}
