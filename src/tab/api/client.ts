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
   * answer already on its way, once, instead of asking again. Failures are left to that `get`.
   */
  prime(load: (api: ApiClient) => Promise<unknown>): void;
}

/** How long a primed answer waits for its page; after that the page asks afresh (the answer may be stale). */
export const PRIMED_FOR_MS = 10_000;

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
      if (response.status === 401) options.onUnauthenticated?.();
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

  const primed = new Map<string, { answer: Promise<unknown>; until: number }>();
  function get<T>(path: string): Promise<T> {
    const early = primed.get(path);
    if (!early) return request('GET', path);
    primed.delete(path);
    return early.until >= Date.now() ? (early.answer as Promise<T>) : request('GET', path);
  }

  const client: ApiClient = {
    signedWith: options.getToken ? 'bearer' : 'cookie',
    get,
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
    download: async (path, fallbackName) => {
      const response = await send('GET', path, '*/*');
      const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
      return { blob: await response.blob(), fileName };
    },
    url: (path) => `${API_BASE}${path}`,
    prime: (load) => {
      const primer: ApiClient = {
        ...client,
        get: <T>(path: string) => {
          const answer = request<T>('GET', path);
          primed.set(path, { answer, until: Date.now() + PRIMED_FOR_MS });
          return answer;
        },
      };
      // The page that takes the answer reports its failure; an answer nobody takes fails unseen.
      load(primer).catch(() => undefined);
    },
  };
  return client;
}
