import { ApiError, errorFromResponse } from './api-error.js';

/** Supplies a bearer token for each call (Teams SSO); absent when the session cookie signs the calls. */
export type TokenProvider = () => Promise<string>;

/** A small typed client for `/api/v1`. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  getToken?: TokenProvider;
  /** Told about every 401, so the app can return to its sign-in page when a session expires. */
  onUnauthenticated?: () => void;
}

const API_BASE = '/api/v1';

// Tells the server's audit trail that a call came from the tab (see CLIENT_HEADER in src/server/api-router.ts);
// a plain string here so no server module ends up in the browser bundle.
const CLIENT_HEADER = { 'x-bondgenoten-client': 'tab' };

/** Creates the API client; calls stay on the tab's own origin, as the CSP's `connect-src 'self'` demands. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...CLIENT_HEADER };
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
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    delete: (path) => request('DELETE', path),
  };
}
