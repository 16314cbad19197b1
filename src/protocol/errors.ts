/**
 * The only error the decoders let escape: where in the input it went wrong and why.
 * Offsets are absolute in the buffer handed to the top-level decode call.
 */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${reason} at offset ${offset}`);
  }

  toJSON(): { offset: number; reason: string } {
    return { offset: this.offset, reason: this.reason };
  }
}

/** Thrown by encoders when a value cannot be put on the wire; `path` names the field. */
export class EncodeError extends Error {
  override readonly name = 'EncodeError';
  constructor(
    public path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Containers pass no path down (building one per field would cost on every
 * encode); they catch, put their own segment in front, and rethrow.
 */
export function within(e: unknown, segment: string): never {
  if (e instanceof EncodeError) {
    e.path = segment + e.path;
    e.message = `${e.path}: ${e.reason}`;
  }
  throw e;
}

/** A bound was hit (nesting depth, option count): the whole message is refused, not just one option. */
export class LimitError extends DecodeError {}
