/** Reading perfdhcp 2.2's final report. */

export interface Latency {
  min: number;
  avg: number;
  max: number;
}

export interface PerfResult {
  /** Solicits sent: exchanges started. */
  initiated: number;
  /** Replies to Requests received: 4-way exchanges completed. */
  completed: number;
  exchangesPerSecond: number;
  /** Share of started exchanges that never completed. */
  loss: number;
  /** Per round trip (Solicit→Advertise and Request→Reply together), ms. */
  latency: Latency;
}

/** One request/response pair of the report, e.g. SOLICIT-ADVERTISE. */
export interface Phase {
  sent: number;
  received: number;
  latency: Latency;
}

export function phase(out: string, name: string): Phase {
  const start = out.indexOf(`***Statistics for: ${name}***`);
  if (start < 0) throw new Error(`perfdhcp output has no ${name} statistics:\n${out}`);
  const section = out.slice(start).split('\n\n').slice(0, 2).join('\n');
  const num = (key: string) => {
    const m = new RegExp(`^${key}: ([0-9.]+)`, 'm').exec(section);
    return m ? Number(m[1]) : NaN;
  };
  return { sent: num('sent packets'), received: num('received packets'), latency: { min: num('min delay'), avg: num('avg delay'), max: num('max delay') } };
}

/** The whole exchange, with its rate over the run's `seconds`. */
export function parsePerfdhcp(out: string, seconds: number): PerfResult {
  const sa = phase(out, 'SOLICIT-ADVERTISE');
  const rr = phase(out, 'REQUEST-REPLY');
  return {
    initiated: sa.sent,
    completed: rr.received,
    exchangesPerSecond: rr.received / seconds,
    loss: sa.sent ? 1 - rr.received / sa.sent : 0,
    latency: combined([sa, rr]),
  };
}

/** Both round trips as one distribution: min of mins, mean weighted by replies, max of maxes. */
function combined(phases: Phase[]): Latency {
  const answered = phases.filter((p) => p.received > 0);
  const replies = answered.reduce((n, p) => n + p.received, 0);
  return {
    min: Math.min(...answered.map((p) => p.latency.min)),
    avg: answered.reduce((sum, p) => sum + p.latency.avg * p.received, 0) / replies,
    max: Math.max(...answered.map((p) => p.latency.max)),
  };
}
