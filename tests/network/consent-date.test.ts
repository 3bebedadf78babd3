import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPersonSchema, updatePersonSchema } from '../../src/network/schemas.js';
import { callApi, signInAs } from '../helpers/local-session.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

function consentIssue(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.error?.issues.find((issue) => issue.path.join('.') === 'consentDate')?.message;
}

describe('consent date (issue 15 item 10)', () => {
  it('refuses a consent date in the future', () => {
    const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      consentIssue(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: next })),
    ).toBe('must not be in the future');
    expect(consentIssue(updatePersonSchema.safeParse({ version: 1, consentDate: next }))).toBe(
      'must not be in the future',
    );
  });

  it('refuses a consent date before 1900', () => {
    expect(
      consentIssue(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: '1899-12-31' })),
    ).toBe('must not be before 1900-01-01');
  });

  it('accepts a date in the past and today', () => {
    expect(
      createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: '2025-01-15' }).success,
    ).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(createPersonSchema.safeParse({ displayName: 'Test Persoon', consentDate: today }).success).toBe(
      true,
    );
  });
});

describe('consent date through the API (issue 15 item 10, form half)', () => {
  let server: TestServer;
  let sanne: string;
  let havenId: string;
  beforeAll(async () => {
    server = await startTestServer();
    sanne = await signInAs(server.url, 'Sanne Verhoef');
    havenId = (
      await server.database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', 'Bondgenoten Haven')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['1899-12-31', 'must not be before 1900-01-01'],
    [new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), 'must not be in the future'],
  ])('refuses %s with a 400 field error and saves nobody', async (consentDate, message) => {
    const before = await server.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await callApi(server.url, sanne, 'POST', `/api/v1/networks/${havenId}/people`, {
      displayName: 'Fictieve Toestemming',
      consentDate,
    });
    expect(result.status).toBe(400);
    expect(result.headers.get('content-type')).toContain('application/problem+json');
    expect(result.body.errors).toContainEqual(
      expect.objectContaining({ field: 'body.consentDate', message }),
    );
    const after = await server.database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
