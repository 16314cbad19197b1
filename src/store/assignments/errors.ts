/**
 * Errors assignment sources throw or reject with, each with a stable code and
 * a message that names the source and the offending value.
 */

export abstract class AssignmentSourceError extends Error {
  abstract readonly code: string;
}

/** A CSV file that cannot be loaded: the first problems as `FILE:LINE: message`, and how many there are. */
export class AssignmentFileError extends AssignmentSourceError {
  override readonly name = 'AssignmentFileError';
  readonly code = 'ASSIGNMENT_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
    readonly total: number,
  ) {
    const more = total > problems.length ? `\n(${total - problems.length} more)` : '';
    super(`${file}: ${total} problem${total === 1 ? '' : 's'}:\n${problems.join('\n')}${more}`);
  }
}

/** An entry a table source refuses to store (bad identifier, address, prefix or options). */
export class AssignmentInvalidError extends AssignmentSourceError {
  override readonly name = 'AssignmentInvalidError';
  readonly code = 'ASSIGNMENT_INVALID';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** One owner per resource: the address or prefix is already assigned to another identifier. */
export class AssignmentConflictError extends AssignmentSourceError {
  override readonly name = 'AssignmentConflictError';
  readonly code = 'ASSIGNMENT_CONFLICT';
  constructor(
    readonly resource: string,
    readonly owner?: { idType: string; id: string },
  ) {
    super(`${resource} is already assigned${owner ? ` to ${owner.idType} ${owner.id}` : ''}`);
  }
}

/** A stored row that does not read back (written by hand with a bad address, say). */
export class AssignmentDataError extends AssignmentSourceError {
  override readonly name = 'AssignmentDataError';
  readonly code = 'ASSIGNMENT_BAD_ROW';
}

/** A live query took longer than the source's query timeout. */
export class AssignmentTimeoutError extends AssignmentSourceError {
  override readonly name = 'AssignmentTimeoutError';
  readonly code = 'ASSIGNMENT_TIMEOUT';
  constructor(
    readonly source: string,
    readonly operation: string,
    readonly ms: number,
  ) {
    super(`assignment source "${source}": ${operation} timed out after ${ms} ms`);
  }
}

/** Too many queries wait for a database connection; the caller sheds the request. */
export class AssignmentOverloadError extends AssignmentSourceError {
  override readonly name = 'AssignmentOverloadError';
  readonly code = 'ASSIGNMENT_OVERLOAD';
  constructor(
    readonly source: string,
    readonly limit: number,
  ) {
    super(`assignment source "${source}": more than ${limit} queries waiting`);
  }
}
