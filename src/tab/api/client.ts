import { ApiError, errorFromResponse } from './api-error.js';

/** Supplies a bearer token for each call (Teams SSO); absent when the session cookie signs the calls. */
export type TokenProvider = () => Promise<string>;

/** A file the API sent as an attachment (e.g. the audit trail as CSV). */
export interface Download {
  blob: Blob;
  fileName: string;
}

/** A small typed client for `/api/v1`. */
export interface ApiClient {
  /**
   * How calls are signed: the session cookie (local run), which a plain link also carries, or a bearer token
   * (Teams SSO), which only `fetch` can send.
   */
  readonly signedWith: 'cookie' | 'bearer';
  get<T>(path: string): Promise<T>;
  /** `headers`: extra request headers, e.g. an `Idempotency-Key`. */
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** Fetches an attachment, with its file name from `Content-Disposition` or `fallbackName`. */
  download(path: string, fallbackName: string): Promise<Download>;
  /** The same-origin URL of an API path, for a plain link when calls are signed with the cookie. */
  url(path: string): string;
  /**
   * Starts the GETs that `load` makes now, ahead of the page that will make them (the first page's data, asked
   * while its code still downloads): the next `get` of the same path within {@link PRIMED_FOR_MS} takes the
   * answer already on its way, once, instead of asking again. Failures are left to that `get`. Once arrived, an
   * answer is at hand for a render ({@link answerAtHand}). A write (signing in or out included) or a 401 forgets
   * every primed answer, and a primer still under way then asks nothing more. Settles (never rejects) once `load`
   * has: main.tsx's first render may wait for it, briefly (issue 21).
   */
  prime(load: (api: PrimingClient) => Promise<unknown>): Promise<void>;
}

/** What {@link ApiClient.prime}'s `load` asks with: its GETs are primed, and one answer can prime several paths. */
export interface PrimingClient extends ApiClient {
  /**
   * Asks `path` (itself not primed: no page asks it) and at once primes each path of `parts` with the part of
   * that answer its function picks, so a page's GETs of those paths take their parts as from any primed GET (issue
   * 21: a page's data in one request, its components unchanged). A failure of `path` is each part's failure.
   */
  primeParts<T>(path: string, parts: Readonly<Record<string, (answer: T) => unknown>>): Promise<T>;
}

/** How long a primed answer waits for its page; after that the page asks afresh (the answer may be stale). */
export const PRIMED_FOR_MS = 10_000;

// Answers at hand (issue 21: a page whose data arrived before it rendered shows it in its first render, not after a
// spinner and a second commit). A primed answer that has arrived is "at hand" until a GET takes it, it expires, or
// the client forgets it (any write, any 401). `answerAtHand` runs a load in peek mode, in which the client's calls
// start nothing: a GET answers only from an answer at hand, with a promise that never settles (so nothing chained
// to it runs later, outside the peek) whose value `atHand` knows; anything else answers a promise that never
// settles and is known to nobody.
const atHand = new WeakMap<Promise<unknown>, { value: unknown }>();
let peeking = false;
// Answers at hand in any client, and until when the latest of them may be handed out: while there are none, which
// is always once the first page has taken its data, `answerAtHand` does not run the load at all.
let arrivedCount = 0;
let arrivedUntil = 0;

const never = <T>() => new Promise<T>(() => undefined);

/** A promise that never settles, carrying `value` for {@link answerAtHand}. */
function heldAnswer<T>(value: T): Promise<T> {
  const answer = never<T>();
  atHand.set(answer, { value });
  return answer;
}

/**
 * What `load` would answer right now without starting anything: its value when every API call it makes (on any
 * client) can be answered from a primed answer that has already arrived, else undefined. Meant for a render (see
 * useAsync): `load` runs synchronously in peek mode, in which no request leaves, no primed answer is taken and
 * nothing it chains to its calls ever runs; it must do nothing but API calls and pure work on their answers, and
 * it combines several answers through {@link combineAnswers} (Promise.all's result is never at hand).
 */
export function answerAtHand<T>(load: () => Promise<T>): { value: T } | undefined {
  if (arrivedCount === 0 || Date.now() > arrivedUntil || peeking) return undefined;
  peeking = true;
  try {
    return atHand.get(load()) as { value: T } | undefined;
  } catch {
    return undefined;
  } finally {
    peeking = false;
  }
}

/**
 * `Promise.all(answers).then(combine)`, except that in {@link answerAtHand}'s peek mode the result is at hand
 * when every answer is. `combine` must be pure.
 */
export function combineAnswers<A extends readonly unknown[], R>(
  answers: { readonly [K in keyof A]: Promise<A[K]> },
  combine: (values: A) => R,
): Promise<R> {
  if (!peeking) return Promise.all(answers).then((values) => combine(values as unknown as A));
  const values: unknown[] = [];
  for (const answer of answers) {
    const held = atHand.get(answer);
    if (!held) return never();
    values.push(held.value);
  }
  return heldAnswer(combine(values as unknown as A));
}

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  getToken?: TokenProvider;
  /** Told about every 401, so the app can return to its sign-in page when a session expires. */
  onUnauthenticated?: () => void;
}

const API_BASE = '/api/v1';

// Tells the server's audit trail that a call came from the tab (see CLIENT_HEADER in src/platform/http/api-router.ts);
// a plain string here so no server module ends up in the browser bundle.
const CLIENT_HEADER = { 'x-bondgenoten-client': 'tab' };

/** The file name of a `Content-Disposition: attachment; filename="…"` header, if it names one. */
export function fileNameFromDisposition(header: string | null): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** Creates the API client; calls stay on the tab's own origin, as the CSP's `connect-src 'self'` demands. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  async function send(
    method: string,
    path: string,
    accept: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...extra, accept, ...CLIENT_HEADER };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.getToken) headers.authorization = `Bearer ${await options.getToken()}`;
    let response: Response;
    try {
      response = await fetch(`${API_BASE}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError('network', 0, null);
    }
    if (!response.ok) {
      const error = await errorFromResponse(response);
      if (response.status === 401) {
        forgetPrimed();
        options.onUnauthenticated?.();
      }
      throw error;
    }
    return response;
  }

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await send(method, path, 'application/json', body, headers);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  interface Primed {
    answer: Promise<unknown>;
    until: number;
    /** Set once the answer has arrived (a failure never is: the page that takes it reports it). */
    arrived?: { value: unknown };
  }
  const primed = new Map<string, Primed>();
  // Bumped whenever the primed answers are forgotten, so a primer still under way primes nothing more.
  let generation = 0;
  function drop(path: string, entry: Primed): void {
    primed.delete(path);
    if (entry.arrived) arrivedCount -= 1;
  }
  /**
   * Forgets every primed answer: after a write (an answer asked before it may be stale, and signing in or out is
   * one) and after a 401 (the session it was asked for is gone), none is handed out.
   */
  function forgetPrimed(): void {
    generation += 1;
    for (const [path, entry] of primed) drop(path, entry);
  }

  function get<T>(path: string): Promise<T> {
    const early = primed.get(path);
    if (peeking) {
      return early?.arrived && early.until >= Date.now() ? heldAnswer(early.arrived.value as T) : never();
    }
    if (!early) return request('GET', path);
    drop(path, early);
    return early.until >= Date.now() ? (early.answer as Promise<T>) : request('GET', path);
  }

  /** A call that changes something, or fetches a file; nothing but a GET may start in peek mode. */
  function write<T>(call: () => Promise<T>): Promise<T> {
    if (peeking) return never();
    forgetPrimed();
    return call();
  }

  const client: ApiClient = {
    signedWith: options.getToken ? 'bearer' : 'cookie',
    get,
    post: (path, body, headers) => write(() => request('POST', path, body, headers)),
    put: (path, body) => write(() => request('PUT', path, body)),
    patch: (path, body) => write(() => request('PATCH', path, body)),
    delete: (path) => write(() => request('DELETE', path)),
    download: async (path, fallbackName) => {
      if (peeking) return never();
      const response = await send('GET', path, '*/*');
      const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
      return { blob: await response.blob(), fileName };
    },
    url: (path) => `${API_BASE}${path}`,
    prime: (load) => {
      if (peeking) return Promise.resolve();
      const primedIn = generation;
      // Forgotten meanwhile (a write, a 401): what the primer would ask next is nobody's to take.
      const forgotten = () => generation !== primedIn;
      const forgottenError = () => Promise.reject(new Error('primed answers were forgotten'));
      /** Keeps `answer` for the next GET of `path`, at hand once it has arrived. */
      function keep<T>(path: string, answer: Promise<T>): Promise<T> {
        const entry: Primed = { answer, until: Date.now() + PRIMED_FOR_MS };
        const replaced = primed.get(path);
        if (replaced) drop(path, replaced);
        primed.set(path, entry);
        answer.then(
          (value) => {
            // Only while it still waits for its page (not taken, forgotten or replaced meanwhile).
            if (primed.get(path) !== entry) return;
            entry.arrived = { value };
            arrivedCount += 1;
            arrivedUntil = Math.max(arrivedUntil, entry.until);
          },
          () => undefined,
        );
        return answer;
      }
      const primer: PrimingClient = {
        ...client,
        get: <T>(path: string) => (forgotten() ? forgottenError() : keep(path, request<T>('GET', path))),
        primeParts: <T>(path: string, parts: Readonly<Record<string, (answer: T) => unknown>>) => {
          if (forgotten()) return forgottenError();
          const answer = request<T>('GET', path);
          for (const [partPath, pick] of Object.entries(parts)) keep(partPath, answer.then(pick));
          return answer;
        },
      };
      // The page that takes the answer reports its failure; an answer nobody takes fails unseen.
      return load(primer).then(
        () => undefined,
        () => undefined,
      );
    },
  };
  return client;
}
