/** One packet record of a capture file. */
export interface CapturedPacket {
  /** 1-based, counting every packet record in file order (Wireshark's frame number), skipped ones too. */
  index: number;
  /** Nanoseconds since the epoch; undefined when the record has none (pcapng Simple Packet Block). */
  timestampNs: bigint | undefined;
  /** LINKTYPE_* value (tcpdump.org/linktypes.html) of the interface the packet was captured on. */
  linkType: number;
  /** The captured bytes: a view into the file buffer, not a copy. */
  data: Uint8Array;
  /** Length on the wire; more than data.length when the capture was cut at a snap length. */
  originalLength: number;
}

/** The file is not a capture we can read: bad magic, short or malformed file header. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

/** Something that made the reader skip a record or stop early; `offset` is in the file. */
export interface CaptureProblem {
  offset: number;
  reason: string;
}

export interface ReadOptions {
  /** Called for a truncated last record (which ends iteration) or a malformed record (skipped). */
  onProblem?: (p: CaptureProblem) => void;
}
