import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { DATABASE_RETRY_AFTER_SECONDS } from '../db/database-health.js';
import { isDatabaseUnavailable } from '../db/errors.js';
import { DomainError, type ErrorCode } from '../errors.js';
import { buildProblem, PROBLEM_CONTENT_TYPE } from './problem.js';

/** body-parser marks its own failures with a `type`; each becomes a precise client error. */
const BODY_PARSER_ERRORS: Record<string, { code: ErrorCode; detail: string }> = {
  'entity.parse.failed': { code: 'malformed-json', detail: 'The request body could not be parsed as JSON.' },
  'entity.too.large': { code: 'payload-too-large', detail: 'The request body exceeds the size limit.' },
  'encoding.unsupported': {
    code: 'unsupported-media-type',
    detail: 'The request body encoding is not supported.',
  },
  'charset.unsupported': {
    code: 'unsupported-media-type',
    detail: 'The request body charset is not supported.',
  },
  'request.aborted': {
    code: 'validation-failed',
    detail: 'The request was aborted before its body arrived.',
  },
  'request.size.invalid': {
    code: 'validation-failed',
    detail: 'The request body length does not match its header.',
  },
};

function bodyParserError(error: unknown): { code: ErrorCode; detail: string } | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return BODY_PARSER_ERRORS[String((error as { type: unknown }).type)];
}

/** Client errors raised by express itself (http-errors with `expose`), e.g. the router's URIError. */
function expressClientError(error: unknown): { code: ErrorCode; detail: string } | undefined {
  // The router decodes path parameters with decodeURIComponent and marks a failure 400.
  if (error instanceof URIError)
    return { code: 'validation-failed', detail: 'The path contains an invalid percent-encoding.' };
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return { code: 'payload-too-large', detail: 'The request is too large.' };
  if (status === 415)
    return { code: 'unsupported-media-type', detail: 'The request body type is not supported.' };
  return { code: 'validation-failed', detail: 'The request is not valid.' };
}

function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
}

/** What the error handler tells about database outages; the server's {@link DatabaseHealth}. */
export interface OutageReporter {
  reportUnavailable(): void;
}

/**
 * The single place where errors become responses: typed errors as problem+json, an unreachable database
 * a 503 with Retry-After (logged once by `outages`), everything else a bare 500.
 */
export function problemErrorHandler(logger: Logger, outages?: OutageReporter) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const instance = req.originalUrl.split('?')[0];
    let problem: ReturnType<typeof buildProblem>;
    const known = bodyParserError(error) ?? expressClientError(error);
    if (error instanceof DomainError) {
      problem = buildProblem(error.code, error.detail, instance, error.errors, error.reason);
    } else if (known) {
      problem = buildProblem(known.code, known.detail, instance);
    } else if (isDatabaseUnavailable(error)) {
      outages?.reportUnavailable();
      problem = buildProblem(
        'not-ready',
        'The database cannot be reached at the moment; try again shortly.',
        instance,
      );
    } else {
      const err = error instanceof Error ? error : new Error(String(error));
      // Name, code and stack frames only: a message or a driver's detail may quote personal data.
      logger.error(
        {
          requestId: req.id,
          err: { type: err.name, code: (err as { code?: unknown }).code, frames: stackFrames(err) },
        },
        'unhandled error',
      );
      problem = buildProblem(
        'internal',
        `Something went wrong on our side (request ${String(req.id)}).`,
        instance,
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    // Every 503 (database outage, /readyz) tells clients when to come back.
    if (problem.status === 503) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}
