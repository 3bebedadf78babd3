import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import { openAnswerLink } from '../api/answer-link-endpoints.js';

/** Where the e-mailed link puts its token: the fragment, which no request (and so no log) ever carries. */
const FRAGMENT = /(?:^#|&)antwoordlink=([A-Za-z0-9_-]+)/;

/** The token in a page fragment, or null. */
export function answerLinkTokenFrom(hash: string): string | null {
  return FRAGMENT.exec(hash)?.[1] ?? null;
}

/** What the page knows about the link it was opened with. */
export type AnswerLinkStatus =
  | { status: 'none' }
  | { status: 'checking' }
  | { status: 'usable'; token: string }
  | { status: 'used' | 'expired' | 'foreign' | 'unknown' | 'failed' };

/** The refusal a failed check or answer means for the page. */
export function linkRefusalOf(error: unknown): 'used' | 'foreign' | 'unknown' | 'failed' {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 403) return 'foreign';
  if (error.status === 404 || error.status === 400) return 'unknown';
  if (error.status === 409) return 'used';
  return 'failed';
}

/** Drops the token from the address once it has served, so a reload or a copied address does not carry it. */
function forgetToken(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/**
 * The one-time answer link the page was opened with (`#antwoordlink=`): checked once against the API, then
 * offered to the answer form until it has been used.
 */
export function useAnswerLink(api: ApiClient, callOutId: string) {
  const [token] = useState(() => answerLinkTokenFrom(window.location.hash));
  const [link, setLink] = useState<AnswerLinkStatus>(token ? { status: 'checking' } : { status: 'none' });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    openAnswerLink(api, token).then(
      (state) => {
        if (cancelled) return;
        if (state.callOutId !== callOutId) setLink({ status: 'unknown' });
        else setLink(state.state === 'usable' ? { status: 'usable', token } : { status: state.state });
        if (state.state !== 'usable') forgetToken();
      },
      (error: unknown) => {
        if (cancelled) return;
        setLink({ status: linkRefusalOf(error) });
        forgetToken();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, token, callOutId]);

  /** After an answer through the link: it is used; the form answers the ordinary way from now on. */
  const used = useCallback(() => {
    forgetToken();
    setLink({ status: 'none' });
  }, []);
  /** An answer through the link was refused: show why. */
  const refused = useCallback((error: unknown) => {
    forgetToken();
    setLink({ status: linkRefusalOf(error) });
  }, []);
  return { link, used, refused };
}
