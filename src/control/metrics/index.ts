export { registerMetrics, type Guard, type MetricsSource } from './register.js';
export { TransactionMetrics, LATENCY_BUCKETS, LATENCY_METRIC } from './transactions.js';
export { StatisticsExporter } from './statistics.js';
export { promMetric, PREFIX, type PromMetric } from './names.js';
