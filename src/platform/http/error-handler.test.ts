import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { DomainError } from '../errors.js';
import { createLogger } from '../logger.js';
import { type OutageReporter, problemErrorHandler } from './error-handler.js';

const logLines: string[] = [];
let baseUrl = '';
let close: () => void = () => {};
let outagesReported = 0;
const outages: OutageReporter = { reportUnavailable: () => outagesReported++ };

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const app = express();
  app.get('/domain', () => {
    throw new DomainError('rule-violated', 'A network holds at most 15 allies.', [
      { field: 'body.kind', code: 'rule_hard_limit', max: 15, message: 'too many' },
    ]);
  });
  app.get('/crash', () => {
    throw new Error('duplicate value Fictief Persoon +31600001234');
  });
  app.get('/database-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  app.get('/people/:id', () => {
    throw new Error('not reached');
  });
  app.use(problemErrorHandler(createLogger('info', sink), outages));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('problemErrorHandler', () => {
  it('maps a domain error to its status and stable type, with the field errors', async () => {
    const response = await fetch(`${baseUrl}/domain?x=1`);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await response.json()).toEqual({
      type: 'urn:bondgenoten:problem:rule-violated',
      title: 'The change breaks a rule of the method',
      status: 422,
      detail: 'A network holds at most 15 allies.',
      instance: '/domain',
      errors: [{ field: 'body.kind', code: 'rule_hard_limit', max: 15, message: 'too many' }],
    });
  });

  it('answers an unexpected error with a bare 500 and never echoes or logs its message', async () => {
    const response = await fetch(`${baseUrl}/crash`);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toMatchObject({ type: 'urn:bondgenoten:problem:internal', status: 500 });
    expect(JSON.stringify(body)).not.toContain('Fictief');
    expect(logLines.join('')).toContain('unhandled error');
    expect(logLines.join('')).not.toMatch(/Fictief|31600001234/);
  });

  it('answers an unreachable database with 503, Retry-After and no error log (issue 13)', async () => {
    const before = logLines.length;
    for (let n = 0; n < 3; n++) {
      const response = await fetch(`${baseUrl}/database-down`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ type: 'urn:bondgenoten:problem:not-ready', status: 503 });
    }
    expect(outagesReported).toBe(3);
    expect(logLines.slice(before)).toEqual([]);
  });

  it('answers bad percent-encoding in a path parameter with 400, not 500 (issue 13)', async () => {
    const response = await fetch(`${baseUrl}/people/%ff`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'urn:bondgenoten:problem:validation-failed' });
  });
});
