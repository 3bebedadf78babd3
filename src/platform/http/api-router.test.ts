import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { createLogger } from '../logger.js';
import type { AnyRoute, RequestOrigin } from './api-route.js';
import { type ApiHooks, buildApiRouter } from './api-router.js';
import { problemErrorHandler } from './error-handler.js';
import { joinValidatedObject, validateFields } from './validated-json.js';

/**
 * The route kit knows no capability: who the caller is, whether they may and where audit rows go all come
 * from the hooks the composition root hands in. These hooks are a toy app of their own (a role per token).
 */
interface ToyTypes {
  principal: { userId: string; method: 'entra'; role: string };
  access: { role: string };
  permission: { role: string };
}

const USER = '00000000-0000-4000-8000-000000000001';
const NETWORK = '00000000-0000-4000-8000-0000000000aa';
const audited: { origin: RequestOrigin; action: string; object: unknown; result: string }[] = [];
const asked: { permission: unknown; params: Record<string, string> }[] = [];

const hooks: ApiHooks<ToyTypes> = {
  publicUrl: 'http://127.0.0.1',
  async authenticate({ authorization }) {
    if (!authorization) return null;
    const role = /^Bearer (\w+)$/.exec(authorization)?.[1];
    if (!role) throw new DomainError('unauthenticated', 'Bad token.');
    return { userId: USER, method: 'entra', role };
  },
  async authorise(permission, principal, params) {
    asked.push({ permission, params });
    return principal.role === permission.role
      ? { allowed: true, access: { role: principal.role } }
      : { allowed: false, objectType: 'network', objectId: params.networkId ?? null, answer: 'forbidden' };
  },
  async audit(origin, action, object, result) {
    audited.push({ origin, action, object, result });
  },
};

const route: AnyRoute<ToyTypes> = {
  operationId: 'readToy',
  method: 'get',
  path: '/networks/{networkId}',
  summary: 'A toy read',
  tags: ['toy'],
  access: 'signed-in',
  permission: { role: 'coordinator' },
  params: z.object({ networkId: z.string() }),
  response: { status: 200, description: 'The caller', schema: z.object({ role: z.string() }) },
  handle: async (_input, context) => ({ role: (context.access as { role: string }).role }),
};

/** A page whose `title` is validated once, joined on every request with the caller's `role` (validated then). */
const pageSchema = z.object({ title: z.string().trim(), role: z.string().min(1) });
const validatedTitle = validateFields(pageSchema, { title: '  Haven  ' }, ['title'] as const);
const joinedRoute: AnyRoute<ToyTypes> = {
  ...route,
  operationId: 'readJoined',
  path: '/joined/{networkId}',
  response: { status: 200, description: 'The page', schema: pageSchema },
  handle: async (_input, context) =>
    joinValidatedObject(validatedTitle, { role: (context.access as { role: string }).role }),
};
/** Returns JSON validated by a schema that is not its own: a defect the router must not send. */
const foreignRoute: AnyRoute<ToyTypes> = {
  ...joinedRoute,
  operationId: 'readForeign',
  path: '/foreign/{networkId}',
  response: {
    status: 200,
    description: 'The page',
    schema: z.object({ title: z.string(), role: z.string() }),
  },
};

let baseUrl = '';
let close: () => void = () => {};

beforeAll(async () => {
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const app = express();
  app.use('/api', buildApiRouter([route, joinedRoute, foreignRoute], hooks));
  app.use(problemErrorHandler(createLogger('info', sink)));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  close = () => server.close();
});
afterAll(() => close());

describe('the route kit with hooks handed in', () => {
  it('asks the authorise hook with the route permission and path parameters, and hands the access to the handler', async () => {
    asked.length = 0;
    const response = await fetch(`${baseUrl}/networks/${NETWORK}`, {
      headers: { authorization: 'Bearer coordinator' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ role: 'coordinator' });
    expect(asked).toEqual([{ permission: { role: 'coordinator' }, params: { networkId: NETWORK } }]);
  });

  it('records a refusal through the audit hook, naming the object the decision names', async () => {
    audited.length = 0;
    const response = await fetch(`${baseUrl}/networks/${NETWORK}`, {
      headers: { authorization: 'Bearer viewer' },
    });
    expect(response.status).toBe(403);
    expect(audited).toEqual([
      {
        origin: { actorUserId: USER, channel: 'api', clientAddress: '127.0.0.1', requestId: '' },
        action: 'access.denied',
        object: { type: 'network', id: NETWORK },
        result: 'denied',
      },
    ]);
  });

  it('records an anonymous caller and a failed sign-in through the audit hook', async () => {
    audited.length = 0;
    expect((await fetch(`${baseUrl}/networks/${NETWORK}`)).status).toBe(401);
    const bad = await fetch(`${baseUrl}/networks/${NETWORK}`, { headers: { authorization: 'Basic x' } });
    expect(bad.status).toBe(401);
    expect(audited.map((row) => [row.action, row.result])).toEqual([
      ['access.unauthenticated', 'denied'],
      ['auth.sign-in-failed', 'failed'],
    ]);
  });

  it('sends validated JSON of the route’s own schema as it is, after the same permission check', async () => {
    asked.length = 0;
    const response = await fetch(`${baseUrl}/joined/${NETWORK}`, {
      headers: { authorization: 'Bearer coordinator' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(
      JSON.stringify(pageSchema.parse({ title: '  Haven  ', role: 'coordinator' })),
    );
    expect(asked).toHaveLength(1);
    const refused = await fetch(`${baseUrl}/joined/${NETWORK}`, {
      headers: { authorization: 'Bearer viewer' },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses to send JSON validated by another schema than the route’s', async () => {
    const response = await fetch(`${baseUrl}/foreign/${NETWORK}`, {
      headers: { authorization: 'Bearer coordinator' },
    });
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('Haven');
  });
});
