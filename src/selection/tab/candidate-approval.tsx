import { Body1, Button } from '@fluentui/react-components';
import type { ApiClient } from '../../tab/api/client.js';
import { useT } from '../../tab/i18n/use-t.js';
import { approveCandidate, type CandidateDetail, type SelectionOverview } from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';

/** The two-party decision: who approved so far, and the caller's party's approval. */
export function CandidateApproval(props: {
  api: ApiClient;
  networkId: string;
  candidate: CandidateDetail;
  myParty: SelectionOverview['myParty'];
  onChanged: (shownId: string, text: string) => Promise<void>;
  onFailed: (error: unknown) => void;
}) {
  const { api, networkId, candidate, myParty, onChanged, onFailed } = props;
  const t = useT();
  const styles = useSelectionStyles();
  return (
    <>
      <h3>{t('selection.approve.title')}</h3>
      <Body1 className={styles.hint}>{t('selection.approve.explain')}</Body1>
      {candidate.approvalsBy.length === 0 ? (
        <Body1>{t('selection.approve.none')}</Body1>
      ) : (
        <ul className={styles.list}>
          {candidate.approvalsBy.map((a) => (
            <li key={a.party}>
              {t('selection.approve.by', {
                name: a.staff.displayName,
                party: t('selection.party', { party: a.party }),
              })}
            </li>
          ))}
        </ul>
      )}
      {myParty && candidate.status === 'visited' && (
        <div>
          <Button
            appearance="primary"
            onClick={async () => {
              try {
                const result = await approveCandidate(api, networkId, candidate.id);
                await onChanged(
                  candidate.id,
                  result.admitted
                    ? t('selection.approve.admitted', { name: candidate.displayName })
                    : t('selection.approve.waiting'),
                );
              } catch (error) {
                onFailed(error);
              }
            }}
          >
            {t('selection.approve.submit', { party: myParty })}
          </Button>
        </div>
      )}
    </>
  );
}
