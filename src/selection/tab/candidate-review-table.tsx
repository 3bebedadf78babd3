import {
  Button,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { Dispatch, SetStateAction } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { useT } from '../../tab/i18n/use-t.js';
import { CRITERIA, type Verdict } from '../constants.js';
import type { Act } from './candidate-panel.js';
import { assessCandidate, type CandidateDetail, type SelectionOverview } from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';

/** The joint review: each party's verdict per criterion, and the caller's own party's verdicts to submit. */
export function CandidateReviewTable(props: {
  api: ApiClient;
  networkId: string;
  candidate: CandidateDetail;
  myParty: SelectionOverview['myParty'];
  open: boolean;
  act: Act;
  verdicts: Record<string, Verdict | ''>;
  setVerdicts: Dispatch<SetStateAction<Record<string, Verdict | ''>>>;
  notes: Record<string, string>;
  setNotes: Dispatch<SetStateAction<Record<string, string>>>;
}) {
  const { api, networkId, candidate, myParty, open, act, verdicts, setVerdicts, notes, setNotes } = props;
  const t = useT();
  const styles = useSelectionStyles();
  const verdictOf = (party: string, criterion: string) =>
    candidate.assessments.find((a) => a.party === party && a.criterion === criterion);
  return (
    <>
      <h3>{t('selection.review.title')}</h3>
      <Table aria-label={t('selection.review.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('selection.review.criterion')}</TableHeaderCell>
            <TableHeaderCell>{t('selection.party', { party: 'gemeente' })}</TableHeaderCell>
            <TableHeaderCell>{t('selection.party', { party: 'politie' })}</TableHeaderCell>
            {myParty && open && (
              <TableHeaderCell>{t('selection.review.mine', { party: myParty })}</TableHeaderCell>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {CRITERIA.map((criterion) => {
            const label = t('selection.criterion', { criterion });
            const cell = (party: 'gemeente' | 'politie') => {
              const a = verdictOf(party, criterion);
              return a
                ? `${t('selection.verdict', { verdict: a.verdict })}${a.note ? ` – ${a.note}` : ''}`
                : t('selection.review.none');
            };
            return (
              <TableRow key={criterion}>
                <TableCell>{label}</TableCell>
                <TableCell>{cell('gemeente')}</TableCell>
                <TableCell>{cell('politie')}</TableCell>
                {myParty && open && (
                  <TableCell>
                    <div className={styles.row}>
                      <Select
                        aria-label={t('selection.review.verdictFor', { criterion: label })}
                        value={verdicts[criterion] ?? ''}
                        onChange={(_, d) =>
                          setVerdicts((v) => ({ ...v, [criterion]: d.value as Verdict | '' }))
                        }
                      >
                        <option value="">{t('selection.review.none')}</option>
                        {(['meets', 'doubt', 'does_not_meet'] as const).map((verdict) => (
                          <option key={verdict} value={verdict}>
                            {t('selection.verdict', { verdict })}
                          </option>
                        ))}
                      </Select>
                      <Input
                        aria-label={t('selection.review.note', { criterion: label })}
                        value={notes[criterion] ?? ''}
                        onChange={(_, d) => setNotes((n) => ({ ...n, [criterion]: d.value }))}
                      />
                    </div>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {myParty && open && (
        <div>
          <Button
            onClick={() =>
              act(
                () =>
                  assessCandidate(api, networkId, candidate.id, {
                    assessments: CRITERIA.flatMap((criterion) => {
                      const verdict = verdicts[criterion];
                      return verdict ? [{ criterion, verdict, note: notes[criterion] ?? '' }] : [];
                    }),
                  }),
                t('selection.review.saved'),
              )
            }
          >
            {t('selection.review.submit')}
          </Button>
        </div>
      )}
    </>
  );
}
