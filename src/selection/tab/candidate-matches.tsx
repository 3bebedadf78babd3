import { Body1, Button } from '@fluentui/react-components';
import type { ApiClient } from '../../tab/api/client.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { Act } from './candidate-panel.js';
import { type CandidateDetail, decideMatch } from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';

/** A candidate's possible matches, each decided by hand as the same person or a different one. */
export function CandidateMatches(props: {
  api: ApiClient;
  networkId: string;
  candidate: CandidateDetail;
  open: boolean;
  act: Act;
}) {
  const { api, networkId, candidate, open, act } = props;
  const t = useT();
  const styles = useSelectionStyles();
  return (
    <>
      <h3>{t('selection.matches.title')}</h3>
      {candidate.matches.length === 0 ? (
        <Body1>{t('selection.matches.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {candidate.matches.map((match) => (
            <li key={match.id}>
              {match.displayName} – {t('selection.matches.kind', { kind: match.personKind ?? 'candidate' })},{' '}
              {t('selection.matches.reason', { reason: match.reason })}
              {match.decision ? (
                ` – ${t('selection.matches.decided', { decision: match.decision })}`
              ) : open ? (
                <span className={styles.row}>
                  <Button
                    aria-label={t('selection.matches.sameFor', { name: match.displayName })}
                    onClick={() =>
                      act(
                        () =>
                          decideMatch(api, networkId, candidate.id, {
                            kind: match.kind,
                            id: match.id,
                            decision: 'same',
                          }),
                        t('selection.matches.saved'),
                      )
                    }
                  >
                    {t('selection.matches.same')}
                  </Button>
                  <Button
                    aria-label={t('selection.matches.differentFor', { name: match.displayName })}
                    onClick={() =>
                      act(
                        () =>
                          decideMatch(api, networkId, candidate.id, {
                            kind: match.kind,
                            id: match.id,
                            decision: 'different',
                          }),
                        t('selection.matches.saved'),
                      )
                    }
                  >
                    {t('selection.matches.different')}
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
