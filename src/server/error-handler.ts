import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, type ErrorCode } from '../shared/errors.js';
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

function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .map((line) => line.trim());
}

/** The single place where errors become responses: typed errors as problem+json, everything else a bare 500. */
export function problemErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const instance = req.originalUrl.split('?')[0];
    let problem: ReturnType<typeof buildProblem>;
    if (error instanceof DomainError) {
      problem = buildProblem(error.code, error.detail, instance, error.errors);
    } else if (bodyParserError(error)) {
      const known = bodyParserError(error) as { code: ErrorCode; detail: string };
      problem = buildProblem(known.code, known.detail, instance);
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
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  };
}
