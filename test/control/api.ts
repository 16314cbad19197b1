/** Kea-style answer: result 0 ok, 1 error, 2 unknown command, 3 nothing matched. */
export interface Answer {
  result: number;
  text: string;
  arguments?: Record<string, unknown>;
}

/** The management API as an operator's script calls it: POST / with a bearer token. */
export class ApiClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  async call(command: string, args?: unknown): Promise<Answer> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(args === undefined ? { command } : { command, arguments: args }),
      // A hung API must fail the test, not stall it.
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status !== 200) throw new Error(`${command}: HTTP ${res.status}: ${await res.text()}`);
    return (await res.json()) as Answer;
  }

  /** `call`, failing unless the command succeeded. */
  async ok(command: string, args?: unknown): Promise<Record<string, unknown>> {
    const a = await this.call(command, args);
    if (a.result !== 0) throw new Error(`${command}: result ${a.result}: ${a.text}`);
    return a.arguments ?? {};
  }

  /** Every statistic's current value, from statistic-get-all (Kea form: NAME → [[value, time]]). */
  async statistics(): Promise<Map<string, number>> {
    const all = (await this.ok('statistic-get-all')) as Record<string, [number, string][]>;
    return new Map(Object.entries(all).map(([k, v]) => [k, v[0]![0]]));
  }
}
