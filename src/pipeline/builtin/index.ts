import type { FilterDefinition, HandlerDefinition } from '../types.js';
import { describeDefinitions, type DefinitionDoc } from './describe.js';
import { duidFilter } from './filters/duid.js';
import { elapsedTimeFilter } from './filters/elapsed-time.js';
import { expressionFilter } from './filters/expression.js';
import { hwAddressFilter } from './filters/hw-address.js';
import { interfaceIdFilter } from './filters/interface-id.js';
import { interfaceFilter } from './filters/interface.js';
import { linkAddressFilter } from './filters/link-address.js';
import { markedFilter } from './filters/marked.js';
import { messageTypeFilter } from './filters/message-type.js';
import { remoteIdFilter } from './filters/remote-id.js';
import { subnetFilter } from './filters/subnet.js';
import { subscriberIdFilter } from './filters/subscriber-id.js';
import { userClassFilter } from './filters/user-class.js';
import { vendorClassFilter } from './filters/vendor-class.js';
import { assignHandler } from './handlers/assign.js';
import { dumpHandler } from './handlers/dump.js';
import { ignoreHandler } from './handlers/ignore.js';
import { markHandler } from './handlers/mark.js';
import { optionsHandler } from './handlers/options.js';
import { poolsHandler } from './handlers/pools.js';
import { preferenceHandler } from './handlers/preference.js';
import { rateLimit } from './handlers/rate-limit.js';
import { staticHandler } from './handlers/static.js';
import { timersHandler } from './handlers/timers.js';

/** The built-in filters and handlers, by their config `type` name. Registered here, explicitly, never by import side effects. */

export const BUILTIN_FILTERS: Record<string, FilterDefinition> = {
  subnet: subnetFilter,
  'link-address': linkAddressFilter,
  interface: interfaceFilter,
  'interface-id': interfaceIdFilter,
  'remote-id': remoteIdFilter,
  'subscriber-id': subscriberIdFilter,
  'hw-address': hwAddressFilter,
  duid: duidFilter,
  'vendor-class': vendorClassFilter,
  'user-class': userClassFilter,
  'elapsed-time': elapsedTimeFilter,
  marked: markedFilter,
  'message-type': messageTypeFilter,
  expression: expressionFilter,
};

export const BUILTIN_HANDLERS: Record<string, HandlerDefinition> = {
  static: staticHandler,
  assign: assignHandler,
  pools: poolsHandler,
  options: optionsHandler,
  timers: timersHandler,
  preference: preferenceHandler,
  'rate-limit': rateLimit,
  ignore: ignoreHandler,
  mark: markHandler,
  dump: dumpHandler,
};

/** Reference entries for the docs generator: every built-in filter, then every handler. */
export function describeBuiltins(): DefinitionDoc[] {
  return [...describeDefinitions('filter', BUILTIN_FILTERS), ...describeDefinitions('handler', BUILTIN_HANDLERS)];
}

export { describeDefinitions, type DefinitionDoc } from './describe.js';
export { SetupError } from './errors.js';
export { rateLimitHandler } from './handlers/rate-limit.js';
export { CLIENT_MESSAGE_TYPES } from './filters/message-type.js';
