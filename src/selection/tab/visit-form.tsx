import { Body1, Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { Dispatch, SetStateAction } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { Act } from './candidate-panel.js';
import { type CandidateDetail, recordVisit, type SelectionOverview } from './selection-endpoints.js';
import { useSelectionStyles } from './selection-styles.js';

/** The home visit as the panel keeps it while it is being filled in. */
export interface VisitDraft {
  visitedOn: string;
  gemeenteVisitorId: string;
  politieVisitorId: string;
  outcome: 'positive' | 'doubt' | 'negative';
  note: string;
  article1Accepted: boolean;
  confidentialityAccepted: boolean;
  crisisAvailabilityAccepted: boolean;
  consentDate: string;
  legalBasis: 'consent' | 'public_task';
}

/** The home visit: what was recorded, and the form to record it once the visit is planned. */
export function VisitForm(props: {
  api: ApiClient;
  overview: SelectionOverview;
  candidate: CandidateDetail;
  open: boolean;
  act: Act;
  visit: VisitDraft;
  setVisit: Dispatch<SetStateAction<VisitDraft>>;
}) {
  const { api, overview, candidate, open, act, visit, setVisit } = props;
  const t = useT();
  const styles = useSelectionStyles();
  const networkId = overview.network.id;
  const gemeenteStaff = overview.staff.filter((s) => s.party === 'gemeente');
  const politieStaff = overview.staff.filter((s) => s.party === 'politie');
  return (
    <>
      <h3>{t('selection.visit.title')}</h3>
      {candidate.visit && (
        <Body1>
          {t('selection.visit.recorded', {
            date: candidate.visit.visitedOn,
            outcome: t('selection.visit.outcomeValue', { outcome: candidate.visit.outcome }),
          })}
        </Body1>
      )}
      {candidate.visitPlannedOn && !candidate.visit && (
        <Body1>{t('selection.status.plannedFor', { date: candidate.visitPlannedOn })}</Body1>
      )}
      {open && (candidate.status === 'visit_planned' || candidate.status === 'visited') && (
        <form
          className={styles.form}
          aria-label={t('selection.visit.title')}
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              () =>
                recordVisit(api, networkId, candidate.id, {
                  ...visit,
                  gemeenteVisitorId: visit.gemeenteVisitorId || null,
                  politieVisitorId: visit.politieVisitorId || null,
                  consentDate: visit.consentDate || null,
                }),
              t('selection.visit.saved'),
            );
          }}
        >
          <Field label={t('selection.visit.date')}>
            <Input
              type="date"
              value={visit.visitedOn}
              onChange={(_, d) => setVisit((v) => ({ ...v, visitedOn: d.value }))}
            />
          </Field>
          <Field label={t('selection.visit.gemeente')}>
            <Select
              value={visit.gemeenteVisitorId}
              onChange={(_, d) => setVisit((v) => ({ ...v, gemeenteVisitorId: d.value }))}
            >
              <option value="">{t('selection.visit.nobody')}</option>
              {gemeenteStaff.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('selection.visit.politie')}>
            <Select
              value={visit.politieVisitorId}
              onChange={(_, d) => setVisit((v) => ({ ...v, politieVisitorId: d.value }))}
            >
              <option value="">{t('selection.visit.nobody')}</option>
              {politieStaff.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('selection.visit.outcome')}>
            <Select
              value={visit.outcome}
              onChange={(_, d) => setVisit((v) => ({ ...v, outcome: d.value as typeof visit.outcome }))}
            >
              {(['positive', 'doubt', 'negative'] as const).map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t('selection.visit.outcomeValue', { outcome })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('selection.visit.note')}>
            <Textarea value={visit.note} onChange={(_, d) => setVisit((v) => ({ ...v, note: d.value }))} />
          </Field>
          <fieldset>
            <legend>{t('selection.visit.rules')}</legend>
            <Checkbox
              label={t('selection.visit.article1')}
              checked={visit.article1Accepted}
              onChange={(_, d) => setVisit((v) => ({ ...v, article1Accepted: d.checked === true }))}
            />
            <Checkbox
              label={t('selection.visit.confidentiality')}
              checked={visit.confidentialityAccepted}
              onChange={(_, d) => setVisit((v) => ({ ...v, confidentialityAccepted: d.checked === true }))}
            />
            <Checkbox
              label={t('selection.visit.crisis')}
              checked={visit.crisisAvailabilityAccepted}
              onChange={(_, d) => setVisit((v) => ({ ...v, crisisAvailabilityAccepted: d.checked === true }))}
            />
          </fieldset>
          <Field label={t('selection.visit.legalBasis')}>
            <Select
              value={visit.legalBasis}
              onChange={(_, d) => setVisit((v) => ({ ...v, legalBasis: d.value as typeof visit.legalBasis }))}
            >
              {(['consent', 'public_task'] as const).map((basis) => (
                <option key={basis} value={basis}>
                  {t('selection.visit.legalBasisValue', { basis })}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('selection.visit.consentDate')}>
            <Input
              type="date"
              value={visit.consentDate}
              onChange={(_, d) => setVisit((v) => ({ ...v, consentDate: d.value }))}
            />
          </Field>
          <div>
            <Button type="submit">{t('selection.visit.submit')}</Button>
          </div>
        </form>
      )}
    </>
  );
}
