/**
 * A filter or handler refused its config at load time (unknown source, bad
 * expression, option data that does not encode). The message starts with
 * `TYPE.FIELD: ` so the caller can prefix the config path it knows.
 */
export class SetupError extends Error {
  /** `TYPE.FIELD`, e.g. `static.source`. */
  readonly field: string;
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'SetupError';
    this.field = field;
    this.reason = reason;
  }
}

/** Run a load-time step (compile, convert) and name the field if it throws. */
export function atField<T>(field: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new SetupError(field, e instanceof Error ? e.message : String(e));
  }
}
