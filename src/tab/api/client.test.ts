import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createApiClient, fileNameFromDisposition } from './client.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('fileNameFromDisposition', () => {
  it('reads the quoted, plain and RFC 5987 forms', () => {
    expect(fileNameFromDisposition('attachment; filename="audit-trail.csv"')).toBe('audit-trail.csv');
    expect(fileNameFromDisposition('attachment; filename=audit.csv')).toBe('audit.csv');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''audit%20trail.csv")).toBe('audit trail.csv');
  });

  it('gives null when the header names no file', () => {
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});

describe('createApiClient().download', () => {
  it('signs the call with the Teams token and returns the file with its name, for a Blob download', async () => {
    const fetchMock = jest.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response('seq,occurredAt\r\n1,2026-11-23T09:00:00.000Z\r\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="audit-trail.csv"',
          },
        }),
    );
    jest.spyOn(globalThis, 'fetch').mockImplementation(fetchMock as typeof fetch);
    const api = createApiClient({ getToken: async () => 'teams-token' });

    const file = await api.download('/audit-events/export?action=audit.read', 'fallback.csv');

    expect(api.signedWith).toBe('bearer');
    expect(file.fileName).toBe('audit-trail.csv');
    expect(await file.blob.text()).toMatch(/^seq,occurredAt\r\n/);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/audit-events/export?action=audit.read');
    expect(init?.headers).toMatchObject({
      authorization: 'Bearer teams-token',
      'x-bondgenoten-client': 'tab',
    });
  });

  it('turns a refused export into an ApiError with the problem, like every other call', async () => {
    const problem = {
      type: 'urn:bondgenoten:problem:forbidden',
      title: 'Forbidden',
      status: 403,
      detail: 'No.',
    };
    jest.spyOn(globalThis, 'fetch').mockImplementation(
      jest.fn(
        async () =>
          new Response(JSON.stringify(problem), {
            status: 403,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    const api = createApiClient();
    expect(api.signedWith).toBe('cookie');
    expect(api.url('/audit-events/export')).toBe('/api/v1/audit-events/export');
    await expect(api.download('/audit-events/export', 'x.csv')).rejects.toMatchObject({
      status: 403,
      problem,
    });
  });
});
