/** A unique constraint refused the write (SQLSTATE 23505); both `pg` and PGlite carry the code. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

// SQLSTATE codes that mean "the server cannot serve you now", not "this statement is wrong":
// class 08 (connection exception), 57P01-57P03 (shutdown, crash, starting up), 53300 (too many connections).
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;

// What Node's sockets report when the server is down or went away mid-query.
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

// node-postgres raises these without a code when a connection breaks or cannot be made in time.
const UNAVAILABLE_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable)/;

/**
 * Whether an error means the database cannot be reached (down, restarting, failing over), as opposed to a
 * fault in a statement. The one place that tells them apart: the API answers the first with 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)))
    return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // A connect to several addresses (localhost: ::1 and 127.0.0.1) fails as an AggregateError of socket errors.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable);
}
