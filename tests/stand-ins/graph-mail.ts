import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphAnswer, graphError, readGraphBody } from './graph-wire.js';

/**
 * A loopback stand-in for Microsoft Graph v1.0 `POST /users/{id | userPrincipalName}/sendMail`, in
 * Graph's wire format: 202 Accepted with an empty body; 400 `ErrorInvalidRecipients` without
 * recipients, 400 `ErrorInvalidRequest` for a malformed message; 401 for a wrong bearer token;
 * injectable 429/503 with Retry-After and a fixed latency. It records every request with its parsed
 * body and keeps the accepted messages per sender mailbox.
 */
export interface GraphMailStandIn {
  baseUrl: string;
  origin: string;
  requests: RecordedMailRequest[];
  /** Accepted messages, in arrival order. */
  sent: { sender: string; message: SentMessage; saveToSentItems: boolean }[];
  failNext(count: number, status: 429 | 503, retryAfterSeconds?: number): void;
  /** Milliseconds every answer waits (a real sendMail takes a few hundred). */
  latencyMs: number;
  close(): Promise<void>;
}

export interface RecordedMailRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
}

export interface SentMessage {
  subject: string;
  body: { contentType: string; content: string };
  toRecipients: { emailAddress: { address: string; name?: string } }[];
}

type Answer = GraphAnswer;

export async function startGraphMailStandIn(options: { token: string }): Promise<GraphMailStandIn> {
  const failures: { status: 429 | 503; retryAfterSeconds?: number }[] = [];
  let origin = '';

  function route(req: IncomingMessage, url: URL, body: unknown): Answer {
    const failure = failures.shift();
    if (failure) {
      const answer = graphError(
        failure.status,
        failure.status === 429 ? 'ApplicationThrottled' : 'serviceNotAvailable',
        'Try again later.',
      );
      return failure.retryAfterSeconds === undefined
        ? answer
        : { ...answer, headers: { 'Retry-After': String(failure.retryAfterSeconds) } };
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== options.token)
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    const [users, sender, action, ...rest] = url.pathname.split('/').slice(2).map(decodeURIComponent);
    if (users !== 'users' || !sender || action !== 'sendMail' || rest.length > 0)
      return graphError(400, 'BadRequest', 'Resource not found for the segment.');
    if (req.method !== 'POST')
      return graphError(405, 'ErrorInvalidRequest', 'The OData request is not supported.');
    const request = (body ?? {}) as { message?: Partial<SentMessage>; saveToSentItems?: unknown };
    const message = request.message;
    if (!message || typeof message.subject !== 'string' || typeof message.body?.content !== 'string')
      return graphError(400, 'ErrorInvalidRequest', 'The message is malformed.');
    if (
      !Array.isArray(message.toRecipients) ||
      message.toRecipients.length === 0 ||
      message.toRecipients.some((r) => !/^[^@\s]+@[^@\s]+$/.test(r?.emailAddress?.address ?? ''))
    )
      return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    standIn.sent.push({
      sender,
      message: message as SentMessage,
      saveToSentItems: request.saveToSentItems !== false,
    });
    return { status: 202 };
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    readGraphBody(req).then(async (body) => {
      const record: RecordedMailRequest = {
        method: req.method ?? '',
        path: decodeURIComponent(url.pathname),
        headers: req.headers,
        body,
        status: 0,
      };
      standIn.requests.push(record);
      if (standIn.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, standIn.latencyMs));
      const answer = route(req, url, body);
      record.status = answer.status;
      res.writeHead(answer.status, {
        ...(answer.body === undefined ? { 'content-length': '0' } : { 'content-type': 'application/json' }),
        'request-id': randomUUID(),
        ...answer.headers,
      });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const standIn: GraphMailStandIn = {
    baseUrl: `${origin}/v1.0`,
    origin,
    requests: [],
    sent: [],
    latencyMs: 0,
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i += 1)
        failures.push({ status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
