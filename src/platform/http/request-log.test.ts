import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { createLogger } from '../logger.js';
import { requestLogging } from './request-log.js';

/** Fictional personal data a request carries in every place a request can carry it. */
const NAME = 'Yasmina Fictief';
const EMAIL = 'yasmina.fictief@example.org';
const PHONE = '+31612345678';
const COOKIE_TOKEN = 'cookie-token-3f9a';
const BEARER_TOKEN = 'bearer-token-77c1';
const NOTE = 'Woont sinds kort in de wijk';

const lines: string[] = [];
let baseUrl = '';
let close: () => void = () => {};

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const app = express();
  app.use(requestLogging(createLogger('info', sink)));
  app.use(express.json());
  app.post('/people/:id', (req, res) => {
    // What a careless handler might log: through req.log it must still be redacted.
    req.log.info({ person: { name: NAME, email: EMAIL, phone: PHONE }, body: req.body }, 'handler line');
    res.log.info({ caller: { displayName: NAME, token: BEARER_TOKEN } }, 'response line');
    res.status(201).json({ name: NAME });
  });
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ status: 500 });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

/** The log lines written since `before`, parsed. */
function written(before: number): Record<string, unknown>[] {
  return lines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the request log', () => {
  it('writes one line per request of only id, method, path, status and time, whatever the request carries', async () => {
    const before = lines.length;
    const response = await fetch(
      `${baseUrl}/people/7d3c8a50-4b1e-4c7a-9f57-2f1a0e6b5c11?search=${encodeURIComponent(NAME)}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `bg_session=${COOKIE_TOKEN}`,
          authorization: `Bearer ${BEARER_TOKEN}`,
          'x-forwarded-for': '203.0.113.9',
        },
        body: JSON.stringify({ name: NAME, email: EMAIL, phone: PHONE, text: NOTE }),
      },
    );
    expect(response.status).toBe(201);
    await new Promise((resolve) => setImmediate(resolve));
    const log = written(before);
    const requestLine = log.find((line) => line.msg === 'request completed');
    expect(requestLine).toBeDefined();
    expect(Object.keys(requestLine ?? {}).sort()).toEqual(
      ['level', 'msg', 'req', 'res', 'responseTime', 'service', 'time'].sort(),
    );
    expect(requestLine?.req).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      method: 'POST',
      path: '/people/7d3c8a50-4b1e-4c7a-9f57-2f1a0e6b5c11',
    });
    expect(requestLine?.res).toEqual({ statusCode: 201 });
    const text = lines.slice(before).join('\n');
    for (const value of [NAME, EMAIL, PHONE, COOKIE_TOKEN, BEARER_TOKEN, NOTE, 'Yasmina', '203.0.113.9'])
      expect(text).not.toContain(value);
  });

  it('leaves req.log and res.log the redacting application logger', async () => {
    const before = lines.length;
    await fetch(`${baseUrl}/people/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: NAME, email: EMAIL, phone: PHONE, text: NOTE }),
    });
    await new Promise((resolve) => setImmediate(resolve));
    const log = written(before);
    expect(log.find((line) => line.msg === 'handler line')).toMatchObject({
      person: { name: '[redacted]', email: '[redacted]', phone: '[redacted]' },
      body: { name: '[redacted]', email: '[redacted]', phone: '[redacted]', text: '[redacted]' },
    });
    expect(log.find((line) => line.msg === 'response line')).toMatchObject({
      caller: { displayName: '[redacted]', token: '[redacted]' },
    });
    // Bound to no request: the lines are the application logger's own, not a child carrying the request.
    expect(log.find((line) => line.msg === 'handler line')).not.toHaveProperty('req');
  });

  it('logs a failed request as `request errored`, still without the query, and skips the health checks', async () => {
    const before = lines.length;
    expect((await fetch(`${baseUrl}/fails?q=${encodeURIComponent(EMAIL)}`)).status).toBe(500);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    const log = written(before);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ msg: 'request errored', req: { path: '/fails' } });
    expect(lines.slice(before).join('\n')).not.toContain('example.org');
  });
});
