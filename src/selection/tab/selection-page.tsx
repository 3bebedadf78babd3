import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { useT } from '../../tab/i18n/use-t.js';
import { networkHref } from '../../tab/routing/network-paths.js';
import { RouterLink } from '../../tab/routing/router-link.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { CRITERIA, MANUAL_TRANSITIONS, type Verdict } from '../constants.js';
import {
  approveCandidate,
  assessCandidate,
  type CandidateDetail,
  changeCandidateStatus,
  decideMatch,
  getCandidate,
  getSelection,
  proposeCandidate,
  recordVisit,
  type SelectionOverview,
} from './selection-endpoints.js';
import { selectionFromPath } from './selection-routes.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '640px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Selectie (`/netwerken/{id}/selectie`): candidates, matching, joint review, home visit and the decision. */
export function SelectionPage({ api }: { api: ApiClient }) {
  const networkId = selectionFromPath(usePathname())?.networkId ?? '';
  const t = useT();
  const styles = useStyles();
  const load = useCallback(() => getSelection(api, networkId), [api, networkId]);
  const { state, retry, refresh } = useAsync(load);
  const [openId, setOpenId] = useState<string | null>(null);
  const feedback = useFeedback();
  const name = state.status === 'done' ? state.value.network.name : null;
  useDocumentTitle(
    `${name ? t('selection.pageTitle', { network: name }) : t('selection.title')} – ${t('app.name')}`,
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const overview = state.value;
  return (
    <div className={styles.page}>
      {feedback.toaster}
      <Body1>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {t('selection.back', { network: overview.network.name })}
        </RouterLink>
      </Body1>
      <Title1 as="h1">{t('selection.pageTitle', { network: overview.network.name })}</Title1>
      <Body1 className={styles.hint}>{t('selection.intro')}</Body1>
      <Body1>{t('selection.growth', { allies: overview.allies, ...overview.limits })}</Body1>
      {overview.myParty ? (
        <ProposeForm
          api={api}
          overview={overview}
          onProposed={async (candidate) => {
            feedback.succeed(t('selection.proposed', { name: candidate.displayName }));
            setOpenId(candidate.id);
            await refresh();
          }}
        />
      ) : (
        <Body1>{t('selection.noParty')}</Body1>
      )}
      <Section title={t('selection.list.title')}>
        {overview.candidates.length === 0 ? (
          <Body1>{t('selection.list.empty')}</Body1>
        ) : (
          <Table aria-label={t('selection.list.title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('selection.col.name')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.wijk')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.status')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.proposedBy')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.matches')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.approvals')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.candidates.map((candidate) => (
                <TableRow key={candidate.id}>
                  <TableCell>
                    <Button
                      appearance="transparent"
                      aria-label={t('selection.open', { name: candidate.displayName })}
                      onClick={() => setOpenId(candidate.id)}
                    >
                      {candidate.displayName}
                    </Button>
                  </TableCell>
                  <TableCell>{candidate.neighbourhood?.name ?? ''}</TableCell>
                  <TableCell>
                    {t('selection.status', { status: candidate.status })}
                    {candidate.admittedBeforePipeline ? ` (${t('selection.beforePipeline')})` : ''}
                  </TableCell>
                  <TableCell>
                    {candidate.proposedBy.map((p) => t('selection.party', { party: p.party })).join(', ')}
                  </TableCell>
                  <TableCell>{candidate.openMatches}</TableCell>
                  <TableCell>
                    {candidate.approvals.map((party) => t('selection.party', { party })).join(', ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {openId && (
        <CandidatePanel
          key={openId}
          api={api}
          overview={overview}
          candidateId={openId}
          onChanged={async (shownId, text) => {
            feedback.succeed(text);
            setOpenId(shownId);
            await refresh();
          }}
          onFailed={(error) => feedback.fail(t('selection.failed'), error)}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}

function ProposeForm(props: {
  api: ApiClient;
  overview: SelectionOverview;
  onProposed: (candidate: CandidateDetail) => Promise<void>;
}) {
  const { api, overview, onProposed } = props;
  const t = useT();
  const styles = useStyles();
  const empty = {
    displayName: '',
    neighbourhoodId: '',
    communityId: '',
    mobile: '',
    email: '',
    motivation: '',
  };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof empty) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const candidate = await proposeCandidate(api, overview.network.id, {
        displayName: draft.displayName,
        neighbourhoodId: draft.neighbourhoodId || null,
        communityIds: draft.communityId ? [draft.communityId] : [],
        mobile: draft.mobile,
        email: draft.email,
        motivation: draft.motivation,
      });
      setDraft(empty);
      setErrors({});
      await onProposed(candidate);
    } catch (error) {
      setErrors(fieldErrorsOf(error, t));
    } finally {
      setBusy(false);
    }
  };
  const message = (field: string) =>
    errors[`body.${field}`]
      ? { validationState: 'error' as const, validationMessage: errors[`body.${field}`] }
      : {};
  return (
    <Section title={t('selection.propose.title')}>
      <form className={styles.form} onSubmit={submit} aria-label={t('selection.propose.title')}>
        <Body1>{t('selection.propose.as', { party: overview.myParty ?? 'gemeente' })}</Body1>
        <Field label={t('selection.field.name')} required {...message('displayName')}>
          <Input value={draft.displayName} onChange={(_, d) => set('displayName')(d.value)} />
        </Field>
        <Field label={t('selection.field.wijk')} {...message('neighbourhoodId')}>
          <Select value={draft.neighbourhoodId} onChange={(_, d) => set('neighbourhoodId')(d.value)}>
            <option value="">{t('selection.field.noWijk')}</option>
            {overview.neighbourhoods.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('selection.field.communities')} {...message('communityIds')}>
          <Select value={draft.communityId} onChange={(_, d) => set('communityId')(d.value)}>
            <option value="">–</option>
            {overview.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('selection.field.mobile')} {...message('mobile')}>
          <Input value={draft.mobile} onChange={(_, d) => set('mobile')(d.value)} />
        </Field>
        <Field label={t('selection.field.email')} {...message('email')}>
          <Input value={draft.email} onChange={(_, d) => set('email')(d.value)} />
        </Field>
        <Field label={t('selection.field.motivation')} required {...message('motivation')}>
          <Textarea value={draft.motivation} onChange={(_, d) => set('motivation')(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('selection.propose.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function CandidatePanel(props: {
  api: ApiClient;
  overview: SelectionOverview;
  candidateId: string;
  onChanged: (shownId: string, text: string) => Promise<void>;
  onFailed: (error: unknown) => void;
  onClose: () => void;
}) {
  const { api, overview, candidateId, onChanged, onFailed, onClose } = props;
  const t = useT();
  const styles = useStyles();
  const networkId = overview.network.id;
  const load = useCallback(() => getCandidate(api, networkId, candidateId), [api, networkId, candidateId]);
  const { state, retry } = useAsync(load);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict | ''>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [plannedOn, setPlannedOn] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const gemeenteStaff = overview.staff.filter((s) => s.party === 'gemeente');
  const politieStaff = overview.staff.filter((s) => s.party === 'politie');
  const [visit, setVisit] = useState({
    visitedOn: today,
    gemeenteVisitorId: '',
    politieVisitorId: '',
    outcome: 'positive' as 'positive' | 'doubt' | 'negative',
    note: '',
    article1Accepted: false,
    confidentialityAccepted: false,
    crisisAvailabilityAccepted: false,
    consentDate: today,
    legalBasis: 'consent' as 'consent' | 'public_task',
  });
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const candidate = state.value;
  const myParty = overview.myParty;
  const act = async (work: () => Promise<{ id: string }>, text: string) => {
    try {
      const shown = await work();
      await onChanged(shown.id, text);
    } catch (error) {
      onFailed(error);
    }
  };
  const verdictOf = (party: string, criterion: string) =>
    candidate.assessments.find((a) => a.party === party && a.criterion === criterion);
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
      {candidate.motivation && (
        <Body1>{`${t('selection.detail.motivation')}: ${candidate.motivation}`}</Body1>
      )}

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
    </Section>
  );
}
