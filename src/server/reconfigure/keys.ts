/**
 * Where reconfigure keys live (RFC 8415 §20.4.2: "The server records the
 * reconfigure key"). One key per client DUID, made once and reused, so a
 * client that kept its key can check every later Reconfigure. put() resolves
 * once the key would survive the process being killed: the Reply that hands
 * the key out leaves after that.
 */
export interface ReconfigureKeyStore {
  /** `duid`: lowercase hex, as the lease store keeps it. */
  get(duid: string): Promise<Buffer | undefined>;
  put(duid: string, key: Buffer): Promise<void>;
  close?(): Promise<void>;
}

/** For tests and `lease-database: memory`: forgets everything on restart. Oldest entries go first past `max`. */
export class MemoryReconfigureKeyStore implements ReconfigureKeyStore {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly max = 1_000_000) {}

  get size(): number {
    return this.keys.size;
  }

  async get(duid: string): Promise<Buffer | undefined> {
    return this.keys.get(duid);
  }

  async put(duid: string, key: Buffer): Promise<void> {
    this.keys.delete(duid);
    this.keys.set(duid, Buffer.from(key));
    if (this.keys.size > this.max) this.keys.delete(this.keys.keys().next().value!);
  }
}
