import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/** Requests that write no line: the health checks, polled every few seconds. */
const UNLOGGED = new Set(['/healthz', '/readyz']);

/**
 * The one line per request (`request completed`): its id, method and path (never the query string, which can
 * carry search terms, i.e. names), status and response time, and nothing else. The request and response
 * serializers build those fields from scratch, so the line holds no header, cookie, body or query at all.
 *
 * It is written by a child of the application logger **without** the wildcard redaction (`REDACTED_PATHS`):
 * that redaction visits every key of every line, about 10 µs per request of CPU for a line that can only hold
 * ids and numbers. The child stays private to pino-http: `req.log` and `res.log` (what a handler could log
 * arbitrary objects through) are set to the application logger itself, so anything logged there is still
 * redacted (pino-http keeps a `req.log` that is already set). tests: src/platform/http/request-log.test.ts.
 */
export function requestLogging(logger: Logger): RequestHandler {
  const lines = logger.child({}, { redact: [] });
  const logRequest = pinoHttp({
    logger: lines,
    genReqId: () => randomUUID(),
    // The serializers get the request and response themselves, not pino's copies with every header first.
    wrapSerializers: false,
    serializers: {
      req: (req: Request) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      // Null when the client went away before an answer was sent (as pino's own serializer has it).
      res: (res: Response) => ({ statusCode: res.headersSent ? res.statusCode : null }),
    },
    autoLogging: { ignore: (req) => UNLOGGED.has(req.url ?? '') },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    req.log = logger;
    res.log = logger;
    logRequest(req, res, next);
  };
}
