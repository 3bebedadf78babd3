import { Body1, Button, Field, Input } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useT } from '../../tab/i18n/use-t.js';
import { MANUAL_TRANSITIONS, type Verdict } from '../constants.js';
import { CandidateApproval } from './candidate-approval.js';
import { CandidateMatches } from './candidate-matches.js';
import { CandidateReviewTable } from './candidate-review-table.js';
import {
  changeCandidateStatus,
  getCandidate,
  type SelectionOverview,
  undoMerge,
} from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';
import { type VisitDraft, VisitForm } from './visit-form.js';

export type Act = (work: () => Promise<{ id: string }>, text: string) => Promise<void>;

/** One candidate opened from the list: matches, review, status, home visit and approval. */
export function CandidatePanel(props: {
  api: ApiClient;
  overview: SelectionOverview;
  candidateId: string;
  onChanged: (shownId: string, text: string) => Promise<void>;
  onFailed: (error: unknown) => void;
  onClose: () => void;
}) {
  const { api, overview, candidateId, onChanged, onFailed, onClose } = props;
  const t = useT();
  const styles = useSelectionStyles();
  const networkId = overview.network.id;
  const load = useCallback(() => getCandidate(api, networkId, candidateId), [api, networkId, candidateId]);
  const { state, retry } = useAsync(load);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict | ''>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [plannedOn, setPlannedOn] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const [visit, setVisit] = useState<VisitDraft>({
    visitedOn: today,
    gemeenteVisitorId: '',
    politieVisitorId: '',
    outcome: 'positive',
    note: '',
    article1Accepted: false,
    confidentialityAccepted: false,
    crisisAvailabilityAccepted: false,
    consentDate: today,
    legalBasis: 'consent',
  });
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const candidate = state.value;
  const myParty = overview.myParty;
  const act: Act = async (work: () => Promise<{ id: string }>, text: string) => {
    try {
      const shown = await work();
      await onChanged(shown.id, text);
    } catch (error) {
      onFailed(error);
    }
  };
  const open = candidate.status !== 'admitted' && candidate.status !== 'not_admitted';
  return (
    <Section
      title={t('selection.detail.title', { name: candidate.displayName })}
      actions={<Button onClick={onClose}>{t('selection.detail.close')}</Button>}
    >
      <Body1>
        {t('selection.status', { status: candidate.status })} · {t('selection.detail.proposedBy')}:{' '}
        {candidate.proposedBy
          .map((p) => `${p.staff?.displayName ?? ''} (${t('selection.party', { party: p.party })})`)
          .join(', ')}
      </Body1>
      {/* A "same person" merge can be undone before admission: the merged proposal stands on its own again. */}
      {open &&
        candidate.proposedBy.slice(1).map((proposal) => (
          <div key={proposal.candidateId} className={styles.row}>
            <Button
              onClick={() =>
                act(async () => {
                  await undoMerge(api, networkId, candidate.id, proposal.candidateId);
                  return { id: candidate.id };
                }, t('selection.merge.undone'))
              }
            >
              {t('selection.merge.undo', {
                party: t('selection.party', { party: proposal.party }),
                name: proposal.staff?.displayName ?? '',
              })}
            </Button>
          </div>
        ))}
      {candidate.motivation && (
        <Body1>{`${t('selection.detail.motivation')}: ${candidate.motivation}`}</Body1>
      )}

      <CandidateMatches api={api} networkId={networkId} candidate={candidate} open={open} act={act} />
      <CandidateReviewTable
        api={api}
        networkId={networkId}
        candidate={candidate}
        myParty={myParty}
        open={open}
        act={act}
        verdicts={verdicts}
        setVerdicts={setVerdicts}
        notes={notes}
        setNotes={setNotes}
      />

      {open && (
        <>
          <h3>{t('selection.status.title')}</h3>
          <div className={styles.row}>
            {MANUAL_TRANSITIONS[candidate.status].includes('visit_planned') && (
              <Field label={t('selection.status.plannedOn')}>
                <Input type="date" value={plannedOn} onChange={(_, d) => setPlannedOn(d.value)} />
              </Field>
            )}
            {MANUAL_TRANSITIONS[candidate.status].map((status) => (
              <Button
                key={status}
                onClick={() =>
                  act(
                    () =>
                      changeCandidateStatus(api, networkId, candidate.id, {
                        version: candidate.version,
                        status,
                        ...(status === 'visit_planned' ? { visitPlannedOn: plannedOn || null } : {}),
                      }),
                    t('selection.status.saved'),
                  )
                }
              >
                {t('selection.status.to', { status })}
              </Button>
            ))}
          </div>
        </>
      )}

      <VisitForm
        api={api}
        overview={overview}
        candidate={candidate}
        open={open}
        act={act}
        visit={visit}
        setVisit={setVisit}
      />
      <CandidateApproval
        api={api}
        networkId={networkId}
        candidate={candidate}
        myParty={myParty}
        onChanged={onChanged}
        onFailed={onFailed}
      />
    </Section>
  );
}
