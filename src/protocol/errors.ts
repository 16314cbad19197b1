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
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** A bound was hit (nesting depth, option count): the whole message is refused, not just one option. */
export class LimitError extends DecodeError {}
