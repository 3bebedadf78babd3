import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import { describeError } from '../../tab/components/describe-error.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { ScrollRegion } from '../../tab/components/scroll-region.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { dayAtNoon } from '../../tab/i18n/amsterdam-time.js';
import { useT } from '../../tab/i18n/use-t.js';
import { networkHref, personHref } from '../../tab/routing/network-paths.js';
import { RouterLink } from '../../tab/routing/router-link.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { EVALUATION_DECISIONS, type EvaluationDecision } from '../constants.js';
import {
  type Evaluation,
  type EvaluationDraft,
  getEvaluation,
  getEvaluationDraft,
  getEvaluations,
  getNetworkHead,
  recordEvaluation,
  scheduleEvaluation,
} from './evaluation-endpoints.js';
import { evaluationFromPath } from './evaluation-routes.js';
import { type NetworkNotes, NetworkQuestions } from './network-questions.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // Wide enough for a decision and a note per ally; on a narrow screen the table scrolls, not the page.
  table: { minWidth: '760px' },
});

/** Evaluatie (`/netwerken/{id}/evaluatie`): the due date, the history and, for coordinators, the draft. */
export function EvaluationPage({ api }: { api: ApiClient }) {
  const networkId = evaluationFromPath(usePathname())?.networkId ?? '';
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const load = useCallback(async () => {
    const [network, list] = await Promise.all([
      getNetworkHead(api, networkId),
      getEvaluations(api, networkId),
    ]);
    const draft = network.myRole === 'coordinator' ? await getEvaluationDraft(api, networkId) : null;
    return { network, list, draft };
  }, [api, networkId]);
  const { state, retry, refresh } = useAsync(load);
  const [recorded, setRecorded] = useState<Evaluation | null>(null);
  const name = state.status === 'done' ? state.value.network.name : null;
  useDocumentTitle(
    `${name ? t('evaluation.pageTitle', { network: name }) : t('evaluation.title')} – ${t('app.name')}`,
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const { network, list, draft } = state.value;
  const isCoordinator = network.myRole === 'coordinator';
  return (
    <div className={styles.page}>
      {feedback.toaster}
      <Body1>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {t('evaluation.back', { network: network.name })}
        </RouterLink>
      </Body1>
      <Title1 as="h1">{t('evaluation.pageTitle', { network: network.name })}</Title1>
      <Body1 className={styles.hint}>{t('evaluation.intro')}</Body1>
      <MessageBar intent={list.due.state === 'overdue' ? 'warning' : 'info'}>
        <MessageBarBody>
          {t('evaluation.due', { state: list.due.state, date: dayAtNoon(list.due.dueOn) })}
        </MessageBarBody>
      </MessageBar>
      {isCoordinator && (
        <ScheduleForm
          api={api}
          networkId={networkId}
          dueOn={list.due.dueOn}
          onSaved={async (date) => {
            feedback.succeed(t('evaluation.schedule.saved', { date: dayAtNoon(date) }));
            await refresh();
          }}
        />
      )}
      {recorded && <EvaluationDetail evaluation={recorded} />}
      <History api={api} networkId={networkId} list={state.value.list} />
      {draft ? (
        <DraftForm
          key={list.evaluations[0]?.id ?? 'first'}
          api={api}
          draft={draft}
          onRecorded={async (evaluation) => {
            feedback.succeed(t('evaluation.recorded'));
            setRecorded(evaluation);
            await refresh();
          }}
        />
      ) : (
        <Body1>{t('evaluation.coordinatorsOnly')}</Body1>
      )}
    </div>
  );
}

function ScheduleForm(props: {
  api: ApiClient;
  networkId: string;
  dueOn: string;
  onSaved: (date: string) => Promise<void>;
}) {
  const t = useT();
  const styles = useStyles();
  const [date, setDate] = useState(props.dueOn);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await scheduleEvaluation(props.api, props.networkId, { nextDueOn: date });
      await props.onSaved(date);
    } catch (failure) {
      setError(fieldErrorsOf(failure, t)['body.nextDueOn'] ?? describeError(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.row} onSubmit={submit} aria-label={t('evaluation.schedule.label')}>
      <Field
        label={t('evaluation.schedule.label')}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Input type="date" value={date} onChange={(_e, data) => setDate(data.value)} />
      </Field>
      <Button type="submit" disabled={busy || date === ''}>
        {t('evaluation.schedule.submit')}
      </Button>
    </form>
  );
}

function History(props: { api: ApiClient; networkId: string; list: { evaluations: EvaluationRow[] } }) {
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState<Evaluation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (id: string) => {
    setError(null);
    try {
      setOpen(await getEvaluation(props.api, props.networkId, id));
    } catch (failure) {
      setError(describeError(failure, t));
    }
  };
  return (
    <Section title={t('evaluation.history.title')}>
      {props.list.evaluations.length === 0 ? (
        <Body1>{t('evaluation.history.empty')}</Body1>
      ) : (
        <ul className={styles.list}>
          {props.list.evaluations.map((row) => (
            <li key={row.id}>
              <Button
                appearance="transparent"
                aria-label={t('evaluation.history.open', { date: dayAtNoon(row.heldOn) })}
                onClick={() => void show(row.id)}
              >
                {t('evaluation.history.item', {
                  date: dayAtNoon(row.heldOn),
                  continue: row.continue,
                  talk: row.talk,
                  goodbye: row.goodbye,
                })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {open && <EvaluationDetail evaluation={open} />}
    </Section>
  );
}

type EvaluationRow = { id: string; heldOn: string; continue: number; talk: number; goodbye: number };

/** A held evaluation: each ally's decision; a "goodbye" who is still an ally links to the person page's farewell. */
function EvaluationDetail({ evaluation }: { evaluation: Evaluation }) {
  const t = useT();
  const styles = useStyles();
  const search = window.location.search;
  return (
    <Section title={t('evaluation.detail.title', { date: dayAtNoon(evaluation.heldOn) })}>
      <ul className={styles.list}>
        {evaluation.allies.map((ally) => (
          <li key={ally.personId}>
            {ally.decision === 'goodbye' && ally.kindNow === 'ally' ? (
              <RouterLink href={personHref(ally.personId, search)}>
                {t('evaluation.detail.goodbyeLink', { name: ally.displayName })}
              </RouterLink>
            ) : (
              <>
                {ally.displayName}: {t('evaluation.decision', { decision: ally.decision })}
                {ally.kindNow.startsWith('former')
                  ? ` (${t('evaluation.detail.left', { name: ally.displayName })})`
                  : ''}
              </>
            )}
            {ally.note ? ` – ${ally.note}` : ''}
          </li>
        ))}
      </ul>
      {[evaluation.mixNote, evaluation.gapsNote, evaluation.generalNote]
        .filter((note): note is string => note !== null)
        .map((note) => (
          <Body1 key={note}>{note}</Body1>
        ))}
    </Section>
  );
}

type Choice = { decision: EvaluationDecision | ''; note: string };

function DraftForm(props: {
  api: ApiClient;
  draft: EvaluationDraft;
  onRecorded: (evaluation: Evaluation) => Promise<void>;
}) {
  const { draft } = props;
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [notes, setNotes] = useState<NetworkNotes>({ mixNote: '', gapsNote: '', generalNote: '' });
  const [missing, setMissing] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const choice = (personId: string): Choice => choices[personId] ?? { decision: '', note: '' };
  const change = (personId: string, patch: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [personId]: { ...choice(personId), ...patch } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const open = draft.allies.filter((ally) => choice(ally.personId).decision === '').map((a) => a.personId);
    setMissing(open);
    if (open.length > 0) return;
    setBusy(true);
    setErrors({});
    try {
      const evaluation = await recordEvaluation(props.api, draft.networkId, {
        decisions: draft.allies.map((ally) => ({
          personId: ally.personId,
          decision: choice(ally.personId).decision as EvaluationDecision,
          note: choice(ally.personId).note,
        })),
        ...notes,
      });
      setChoices({});
      setNotes({ mixNote: '', gapsNote: '', generalNote: '' });
      await props.onRecorded(evaluation);
    } catch (failure) {
      setErrors(fieldErrorsOf(failure, t));
      feedback.fail(t('evaluation.recordFailed'), failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('evaluation.draft.title')}>
      {feedback.toaster}
      <form className={styles.form} onSubmit={submit} aria-label={t('evaluation.draft.title')} noValidate>
        <Body1>
          {t('evaluation.draft.period', { from: dayAtNoon(draft.periodFrom), to: dayAtNoon(draft.periodTo) })}
        </Body1>
        {draft.allies.length === 0 ? (
          <Body1>{t('evaluation.draft.noAllies')}</Body1>
        ) : (
          <ScrollRegion label={t('evaluation.draft.allies')}>
            <Table aria-label={t('evaluation.draft.allies')} className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('evaluation.col.ally')}</TableHeaderCell>
                  <TableHeaderCell>{t('evaluation.col.meetings')}</TableHeaderCell>
                  <TableHeaderCell>{t('evaluation.col.callOuts')}</TableHeaderCell>
                  <TableHeaderCell>{t('evaluation.col.signals')}</TableHeaderCell>
                  <TableHeaderCell>{t('evaluation.col.decision')}</TableHeaderCell>
                  <TableHeaderCell>{t('evaluation.col.note')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {draft.allies.map((ally) => {
                  const invalid = missing.includes(ally.personId);
                  return (
                    <TableRow key={ally.personId}>
                      <TableCell>
                        {ally.displayName}
                        {ally.wijk ? ` (${ally.wijk})` : ''}
                      </TableCell>
                      <TableCell>
                        {ally.meetingsAttended} / {ally.meetingsHeld}
                      </TableCell>
                      <TableCell>
                        {ally.callOutsReached} / {ally.callOuts}
                      </TableCell>
                      <TableCell>{ally.signals ?? t('evaluation.signals.unknown')}</TableCell>
                      <TableCell>
                        <Field
                          validationMessage={invalid ? t('evaluation.missingDecision') : undefined}
                          validationState={invalid ? 'error' : 'none'}
                        >
                          <Select
                            aria-label={t('evaluation.decision.label', { name: ally.displayName })}
                            aria-invalid={invalid}
                            value={choice(ally.personId).decision}
                            onChange={(_e, data) =>
                              change(ally.personId, { decision: data.value as EvaluationDecision | '' })
                            }
                          >
                            <option value="">{t('evaluation.decision.choose')}</option>
                            {EVALUATION_DECISIONS.map((decision) => (
                              <option key={decision} value={decision}>
                                {t('evaluation.decision', { decision })}
                              </option>
                            ))}
                          </Select>
                        </Field>
                      </TableCell>
                      <TableCell>
                        <Input
                          aria-label={t('evaluation.note.label', { name: ally.displayName })}
                          value={choice(ally.personId).note}
                          maxLength={1000}
                          onChange={(_e, data) => change(ally.personId, { note: data.value })}
                        />
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
        <NetworkQuestions network={draft.network} notes={notes} errors={errors} onChange={setNotes} />
        <div>
          <Button appearance="primary" type="submit" disabled={busy || draft.allies.length === 0}>
            {t('evaluation.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
