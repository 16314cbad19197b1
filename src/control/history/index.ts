export { TransactionHistory, MAX_QUERY, type HistoryOptions } from './history.js';
export { canonicalValue, indexKey, recordKeys, type KeyKind } from './keys.js';
