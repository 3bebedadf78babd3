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
  const [token, setToken] = useState(() => answerLinkTokenFrom(window.location.hash));
  const [link, setLink] = useState<AnswerLinkStatus>(token ? { status: 'checking' } : { status: 'none' });

  // A link opened while the page is already shown changes only the fragment: no reload, so listen for it.
  useEffect(() => {
    const follow = () => {
      const next = answerLinkTokenFrom(window.location.hash);
      if (next) setToken(next);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // The token leaves the address and the state once it has served; the same link opened again is news.
  const forget = useCallback(() => {
    forgetToken();
    setToken(null);
  }, []);

  useEffect(() => {
    if (!token) return;
    setLink({ status: 'checking' });
    let cancelled = false;
    openAnswerLink(api, token).then(
      (state) => {
        if (cancelled) return;
        if (state.callOutId !== callOutId) setLink({ status: 'unknown' });
        else setLink(state.state === 'usable' ? { status: 'usable', token } : { status: state.state });
        if (state.state !== 'usable') forget();
      },
      (error: unknown) => {
        if (cancelled) return;
        setLink({ status: linkRefusalOf(error) });
        forget();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, token, callOutId, forget]);

  /** After an answer through the link: it is used; the form answers the ordinary way from now on. */
  const used = useCallback(() => {
    forget();
    setLink({ status: 'none' });
  }, [forget]);
  /** An answer through the link was refused: show why. */
  const refused = useCallback(
    (error: unknown) => {
      forget();
      setLink({ status: linkRefusalOf(error) });
    },
    [forget],
  );
  return { link, used, refused };
}
