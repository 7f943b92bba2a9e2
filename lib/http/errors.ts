// Errors that data functions throw and the edges (server actions, route handlers) translate:
// NotFound → 404 / "not found" message, Conflict → 409 with the current state.

export class NotFoundError extends Error {
  constructor(what = "Record") {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

export class ConflictError<T = unknown> extends Error {
  constructor(
    message: string,
    public readonly current?: T,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A request that is well-formed but not allowed in the record's current state. */
export class InvalidStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidStateError";
  }
}
