import { createApiClient } from '../api/client.js';
import { type AuthConfig, getAuthConfig } from '../api/endpoints.js';

// The sign-in configuration is asked for at start-up, from main.tsx before React renders, instead of from the
// session's first effect ~100 ms later (issue 21). In local mode the answer carries the session too.
let early: Promise<AuthConfig> | undefined;

/** Starts asking for `/auth/config` now; the session's first start takes the answer. */
export function requestAuthConfigEarly(): void {
  early ??= getAuthConfig(createApiClient());
  // Whoever takes it reports a failure; a start-up answer nobody takes fails unseen.
  early.catch(() => undefined);
}

/**
 * The answer asked for at start-up, once; afterwards (a retry, signing in again) a fresh one, so a session
 * that changed since is not served from the start.
 */
export function takeAuthConfig(): Promise<AuthConfig> {
  const answer = early ?? getAuthConfig(createApiClient());
  early = undefined;
  return answer;
}
