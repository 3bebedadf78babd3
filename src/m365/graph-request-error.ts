import { GraphError } from '@microsoft/microsoft-graph-client';
import { UpstreamError } from '../platform/upstream-error.js';
import { tokenFailureOf } from './graph-client.js';

/**
 * A Graph call that failed: the HTTP status (0 when no answer arrived) and Graph's error code
 * (e.g. `Request_UnsupportedQuery`). Graph's message and body stay out, as they may quote personal data.
 */
export class GraphRequestError extends UpstreamError {
  override name = 'GraphRequestError';

  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`Microsoft Graph answered ${status === 0 ? 'nothing' : status} (${code})`);
  }
}

/** Turns what the Graph SDK threw into a {@link GraphRequestError}, or the underlying token error. */
export function translateGraphFailure(error: unknown): Error {
  const tokenFailure = tokenFailureOf(error);
  if (tokenFailure !== undefined)
    return tokenFailure instanceof Error ? tokenFailure : new Error('token failure');
  if (error instanceof GraphError) {
    const answered = error.statusCode > 0;
    return new GraphRequestError(
      answered ? error.statusCode : 0,
      answered ? (error.code ?? 'Unknown') : 'NoResponse',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
