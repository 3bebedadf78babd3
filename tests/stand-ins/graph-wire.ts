import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * What every Graph stand-in shares: Graph's error body and reading a request's JSON. Each stand-in keeps
 * its own routes and state; only the wire format lives here, so it is the same everywhere.
 */
export type GraphAnswer = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Drop the connection instead of answering (a stand-in's way to simulate a lost answer). */
  reset?: boolean;
};

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(status: number, code: string, message: string): GraphAnswer & { body: unknown } {
  const requestId = randomUUID();
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': requestId,
        },
      },
    },
  };
}

/** The request body as JSON; undefined when empty, `{ unparsable }` when it is not JSON. */
export async function readGraphBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}
