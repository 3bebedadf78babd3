import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { type ApiClient, combineAnswers, createApiClient, PRIMED_FOR_MS } from '../api/client.js';
import { useAsync } from './use-async.js';

// What the first render of a component shows (renderToString runs no effect: the first render is all there is).
afterEach(() => {
  jest.restoreAllMocks();
});

/** A fetch that answers every path with `{ path, answer: n }`, n counting the requests. */
function countingFetch() {
  let answered = 0;
  const fetchMock = jest.fn(async (url: string, _init?: RequestInit) => {
    answered += 1;
    return new Response(JSON.stringify({ path: url, answer: answered }), {
      headers: { 'content-type': 'application/json' },
    });
  });
  jest.spyOn(globalThis, 'fetch').mockImplementation(fetchMock as unknown as typeof fetch);
  return fetchMock;
}

/** Shows the state of its load as text. */
function Probe({ load }: { load: () => Promise<unknown> }) {
  const { state } = useAsync(load);
  return createElement(
    'output',
    null,
    state.status === 'done' ? `done ${JSON.stringify(state.value)}` : state.status,
  );
}

/** The first render of a component that loads with `load`: its state as text. */
function firstRender(load: () => Promise<unknown>): string {
  return renderToString(createElement(Probe, { load }))
    .replace(/^<output>|<\/output>$/g, '')
    .replaceAll('&quot;', '"');
}

/** Lets every answer already given settle (the mocked fetch answers at once). */
const arrive = () => new Promise((resolve) => setTimeout(resolve, 0));

async function primedClient(...paths: string[]): Promise<ApiClient> {
  const api = createApiClient();
  api.prime((early) => Promise.all(paths.map((path) => early.get(path))));
  await arrive();
  return api;
}

describe('useAsync, first render', () => {
  it('shows a primed answer that has arrived at once, without starting a request or taking the answer', async () => {
    const fetchMock = countingFetch();
    const api = await primedClient('/areas');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    expect(firstRender(() => api.get('/areas'))).toBe('done {"path":"/api/v1/areas","answer":1}');
    // A render starts nothing, and leaves the answer to the mount's effect, which takes it once.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await api.get('/areas')).toEqual({ path: '/api/v1/areas', answer: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // Taken: the next page asks afresh, and renders its spinner first.
    expect(firstRender(() => api.get('/areas'))).toBe('loading');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the spinner while the primed answer is still on its way, or for a path nobody primed', async () => {
    const fetchMock = countingFetch();
    const api = createApiClient();
    api.prime((early) => early.get('/areas'));
    expect(firstRender(() => api.get('/areas'))).toBe('loading');
    await arrive();
    expect(firstRender(() => api.get('/call-outs'))).toBe('loading');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the spinner for an answer that waited too long (it may be stale)', async () => {
    countingFetch();
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
    const api = await primedClient('/areas');
    clock.mockReturnValue(start + PRIMED_FOR_MS + 1);
    expect(firstRender(() => api.get('/areas'))).toBe('loading');
  });

  it('never shows a failed answer from hand: the effect reports the failure', async () => {
    jest
      .spyOn(globalThis, 'fetch')
      .mockImplementation(
        jest.fn(async () => new Response('{}', { status: 500 })) as unknown as typeof fetch,
      );
    const api = await primedClient('/areas');
    expect(firstRender(() => api.get('/areas'))).toBe('loading');
    await expect(api.get('/areas')).rejects.toMatchObject({ status: 500 });
  });

  it('forgets primed answers after a write (signing in or out is one) and after a 401', async () => {
    const fetchMock = countingFetch();
    const api = await primedClient('/areas', '/call-outs');
    await api.delete('/auth/local/session');
    expect(firstRender(() => api.get('/areas'))).toBe('loading');
    // Nor does the page's own GET take the answer asked before: it asks again.
    await api.get('/call-outs');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/areas',
      '/api/v1/call-outs',
      '/api/v1/auth/local/session',
      '/api/v1/call-outs',
    ]);

    const other = await primedClient('/areas');
    fetchMock.mockImplementationOnce(async () => new Response('{}', { status: 401 }));
    await expect(other.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(firstRender(() => other.get('/areas'))).toBe('loading');
  });

  it('a primer still under way when the answers are forgotten asks nothing more', async () => {
    const fetchMock = countingFetch();
    const api = createApiClient();
    api.prime((early) => early.get('/networks/n').then(() => early.get('/networks/n/evaluation-due')));
    await api.post('/auth/local/session', { userId: 'u' });
    await arrive();
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/networks/n',
      '/api/v1/auth/local/session',
    ]);
  });

  it('starts nothing from a render, neither a write nor what a load chains after an answer', async () => {
    const fetchMock = countingFetch();
    const api = await primedClient('/networks/n');
    const chained = async () => {
      const network = await api.get<{ answer: number }>('/networks/n');
      return api.get(`/networks/n/meetings?after=${network.answer}`);
    };
    expect(firstRender(chained)).toBe('loading');
    expect(firstRender(() => api.post('/networks/n/meetings/plan-preview', {}))).toBe('loading');
    await arrive();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    // The render took nothing either.
    expect(await api.get('/networks/n')).toEqual({ path: '/api/v1/networks/n', answer: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('combines answers that are all at hand (combineAnswers), and only then', async () => {
    const fetchMock = countingFetch();
    const api = await primedClient('/networks/n', '/networks/n/meeting-settings');
    const both = () =>
      combineAnswers(
        [api.get('/networks/n'), api.get('/networks/n/meeting-settings')] as const,
        ([a, b]) => ({
          a,
          b,
        }),
      );
    const withThird = () =>
      combineAnswers(
        [api.get('/networks/n'), api.get('/networks/n/meeting-locations')] as const,
        ([a, b]) => [a, b],
      );
    expect(firstRender(withThird)).toBe('loading');
    expect(firstRender(both)).toBe(
      'done {"a":{"path":"/api/v1/networks/n","answer":1},"b":{"path":"/api/v1/networks/n/meeting-settings","answer":2}}',
    );
    expect(fetchMock).toHaveBeenCalledTimes(2);
    // Outside a render it is Promise.all: the effect's load takes both primed answers.
    expect(await both()).toEqual({
      a: { path: '/api/v1/networks/n', answer: 1 },
      b: { path: '/api/v1/networks/n/meeting-settings', answer: 2 },
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
