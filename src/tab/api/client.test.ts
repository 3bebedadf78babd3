import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { answerAtHand, createApiClient, fileNameFromDisposition, PRIMED_FOR_MS } from './client.js';

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

describe('createApiClient().prime', () => {
  function countingFetch() {
    let answered = 0;
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => {
      answered += 1;
      return new Response(JSON.stringify({ answer: answered }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    jest.spyOn(globalThis, 'fetch').mockImplementation(fetchMock as typeof fetch);
    return fetchMock;
  }

  it('hands the primed answer to the next GET of the same path, once; later GETs ask again', async () => {
    const fetchMock = countingFetch();
    const api = createApiClient();

    api.prime((early) => early.get('/areas'));
    expect(fetchMock).toHaveBeenCalledTimes(1);

    expect(await api.get('/areas')).toEqual({ answer: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await api.get('/areas')).toEqual({ answer: 2 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('does not hand a primed answer to another path', async () => {
    const fetchMock = countingFetch();
    const api = createApiClient();

    api.prime((early) => early.get('/areas'));
    expect(await api.get('/call-outs')).toEqual({ answer: 2 });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/areas', '/api/v1/call-outs']);
  });

  it('asks afresh when the primed answer waited too long', async () => {
    const fetchMock = countingFetch();
    const api = createApiClient();
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start);

    api.prime((early) => early.get('/areas'));
    clock.mockReturnValue(start + PRIMED_FOR_MS + 1);
    expect(await api.get('/areas')).toEqual({ answer: 2 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("settles once everything the primer asked has arrived, and also when it failed (main.tsx's first render waits on it)", async () => {
    const pending: ((response: Response) => void)[] = [];
    jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(
        jest.fn(() => new Promise<Response>((resolve) => pending.push(resolve))) as unknown as typeof fetch,
      );
    const api = createApiClient();
    const answer = (body: unknown, status = 200) =>
      pending.shift()?.(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' },
        }),
      );
    let settled = false;
    const primed = api
      .prime((early) => early.get('/call-outs/c').then(() => early.get('/call-outs/c/meeting')))
      .then(() => {
        settled = true;
      });
    answer({ id: 'c' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false); // the second answer is still under way
    answer({ meeting: null });
    await primed;
    expect(settled).toBe(true);

    const refused = api.prime((early) => early.get('/networks/n'));
    answer({ title: 'Not found', status: 404 }, 404);
    await expect(refused).resolves.toBeUndefined();
  });

  describe('primeParts', () => {
    const page = { callOut: { id: 'c' }, meeting: { meeting: null }, timeline: [] };
    const parts = {
      '/call-outs/c': (answer: typeof page) => answer.callOut,
      '/call-outs/c/meeting': (answer: typeof page) => answer.meeting,
      '/call-outs/c/timeline': (answer: typeof page) => answer.timeline,
    };
    function pageFetch() {
      const pending: (() => void)[] = [];
      const fetchMock = jest.fn(
        (url: string) =>
          new Promise<Response>((resolve) => {
            const body = url === '/api/v1/call-outs/c/page' ? page : { asked: url };
            pending.push(() =>
              resolve(
                new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
              ),
            );
          }),
      );
      jest.spyOn(globalThis, 'fetch').mockImplementation(fetchMock as unknown as typeof fetch);
      const answerAll = () => {
        for (const answer of pending.splice(0)) answer();
      };
      return { fetchMock, answerAll };
    }

    it('asks once and hands each part to the next GET of its path, even one made before the answer arrived', async () => {
      const { fetchMock, answerAll } = pageFetch();
      const api = createApiClient();
      const primed = api.prime((early) => early.primeParts('/call-outs/c/page', parts));
      const callOut = api.get('/call-outs/c'); // before the answer
      answerAll();
      await primed;
      expect(await callOut).toEqual(page.callOut);
      // Arrived parts are at hand for a render, without asking anything.
      expect(answerAtHand(() => api.get('/call-outs/c/meeting'))).toEqual({ value: page.meeting });
      expect(await api.get('/call-outs/c/meeting')).toEqual(page.meeting);
      expect(await api.get('/call-outs/c/timeline')).toEqual(page.timeline);
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/v1/call-outs/c/page']);
      // Each part once; the whole answer itself was never primed (no page asks for it).
      const again = [api.get('/call-outs/c'), api.get('/call-outs/c/page')];
      answerAll();
      await Promise.all(again);
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
        '/api/v1/call-outs/c/page',
        '/api/v1/call-outs/c',
        '/api/v1/call-outs/c/page',
      ]);
    });

    it('forgets the parts on a write and once they waited too long, like any primed answer', async () => {
      const { fetchMock, answerAll } = pageFetch();
      const api = createApiClient();
      const start = Date.now();
      const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
      const primed = api.prime((early) => early.primeParts('/call-outs/c/page', parts));
      answerAll();
      await primed;
      const written = api.post('/call-outs/c/answers', { answer: 'coming' });
      answerAll();
      await written;
      const afterWrite = api.get('/call-outs/c');
      answerAll();
      expect(await afterWrite).toEqual({ asked: '/api/v1/call-outs/c' });

      const primedAgain = api.prime((early) => early.primeParts('/call-outs/c/page', parts));
      answerAll();
      await primedAgain;
      clock.mockReturnValue(start + PRIMED_FOR_MS + 1);
      expect(answerAtHand(() => api.get('/call-outs/c/meeting'))).toBeUndefined();
      const late = api.get('/call-outs/c/meeting');
      answerAll();
      expect(await late).toEqual({ asked: '/api/v1/call-outs/c/meeting' });
      expect(fetchMock).toHaveBeenCalledTimes(5);
    });
  });
});
