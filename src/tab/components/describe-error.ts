import { ApiError } from '../api/api-error.js';
import type { Translate } from '../i18n/use-t.js';

/** A readable sentence for any failure: the API problem's detail, or a translated fallback. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.kind === 'network') return t('error.network');
    if (error.problem) return error.problem.detail ?? error.problem.title;
    return t('error.unexpected', { status: error.status });
  }
  if (error instanceof Error) return error.message;
  // teams-js rejects some calls with a bare string (e.g. "resourceRequiresConsent").
  if (typeof error === 'string') return error;
  return t('error.title');
}
