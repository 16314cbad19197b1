import { describeLeaseStore6 } from '../testing/contract6.js';
import { MemoryLeaseStore6 } from './store6.js';

describeLeaseStore6('memory', { open: () => new MemoryLeaseStore6() });
