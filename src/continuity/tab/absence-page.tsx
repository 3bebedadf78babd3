import {
  Badge,
  Body1,
  Button,
  Caption1,
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
import type { Me } from '../../tab/api/endpoints.js';
import { ConfirmDialog } from '../../tab/components/confirm-dialog.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { validation } from '../../tab/components/form-ui.js';
import { ScrollRegion } from '../../tab/components/scroll-region.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { dayAtNoon } from '../../tab/i18n/amsterdam-time.js';
import { useT } from '../../tab/i18n/use-t.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { MAX_ABSENCE_NOTE } from '../constants.js';
import {
  type Absence,
  type AbsenceList,
  deleteAbsence,
  getAbsences,
  getOutlookAbsence,
  type OutlookAbsence,
  postAbsence,
} from './absence-endpoints.js';
import { absenceFromPath } from './absence-routes.js';
import { NetworkSubPage } from './network-sub-page.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '520px' },
  dates: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
  // Six columns with names and a note: on a narrow screen the table scrolls, not the page.
  table: { minWidth: '680px' },
  name: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/**
 * Afwezigheid (`/netwerken/{id}/afwezigheid`): who of the network's staff is away now or soon and who takes over,
 * and a form to record one's own absence (coordinators: anyone's). The server decides who may record for whom
 * (`mayRecord`); the page only offers what it would accept.
 */
export function AbsencePage({ api, me }: { api: ApiClient; me: Me }) {
  const networkId = absenceFromPath(usePathname())?.networkId ?? '';
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const { state, retry, replace } = useAbsences(api, networkId);
  const networkName = me.roles.find((role) => role.networkId === networkId)?.networkName ?? null;
  useDocumentTitle(
    `${networkName ? t('absence.pageTitle', { network: networkName }) : t('absence.title')} – ${t('app.name')}`,
  );
  return (
    <NetworkSubPage
      state={state}
      networkId={networkId}
      networkName={networkName}
      className={styles.page}
      onRetry={retry}
    >
      {(list) => {
        const nameOf = (userId: string) => list.staff.find((s) => s.userId === userId)?.displayName ?? '';
        const recordable = list.staff.filter((member) => member.mayRecord);
        return (
          <>
            {feedback.toaster}
            <Title1 as="h1">
              {networkName ? t('absence.pageTitle', { network: networkName }) : t('absence.title')}
            </Title1>
            <Body1 className={styles.hint}>{t('absence.intro')}</Body1>
            <Section title={t('absence.list.title')}>
              {list.absences.length === 0 ? (
                <Body1>{t('absence.list.empty')}</Body1>
              ) : (
                <ScrollRegion label={t('absence.list.title')}>
                  <Table aria-label={t('absence.list.title')} className={styles.table} size="small">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t('absence.col.who')}</TableHeaderCell>
                        <TableHeaderCell>{t('absence.col.from')}</TableHeaderCell>
                        <TableHeaderCell>{t('absence.col.until')}</TableHeaderCell>
                        <TableHeaderCell>{t('absence.col.backup')}</TableHeaderCell>
                        <TableHeaderCell>{t('absence.col.note')}</TableHeaderCell>
                        <TableHeaderCell>{t('absence.col.actions')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {list.absences.map((absence) => (
                        <AbsenceRow
                          key={absence.id}
                          absence={absence}
                          mayRemove={recordable.some((member) => member.userId === absence.userId)}
                          onRemove={async () => {
                            await deleteAbsence(api, networkId, absence.id);
                            replace({ ...list, absences: list.absences.filter((a) => a.id !== absence.id) });
                            feedback.succeed(t('absence.removed', { name: absence.displayName }));
                          }}
                        />
                      ))}
                    </TableBody>
                  </Table>
                </ScrollRegion>
              )}
            </Section>
            {recordable.length > 0 ? (
              <RecordForm
                api={api}
                networkId={networkId}
                recordable={recordable}
                defaultUserId={
                  recordable.some((m) => m.userId === me.user.id) ? me.user.id : (recordable[0]?.userId ?? '')
                }
                onRecorded={(next, input) => {
                  replace(next);
                  feedback.succeed(
                    t('absence.recorded', {
                      name: nameOf(input.userId),
                      from: dayAtNoon(input.startsOn),
                      until: dayAtNoon(input.endsOn),
                    }),
                  );
                }}
              />
            ) : (
              <Body1 className={styles.hint}>{t('absence.viewOnly')}</Body1>
            )}
          </>
        );
      }}
    </NetworkSubPage>
  );
}

/** Loads the list once; a change replaces it with the server's answer (the list after the change). */
function useAbsences(api: ApiClient, networkId: string) {
  const load = useCallback(() => getAbsences(api, networkId), [api, networkId]);
  const { state, retry } = useAsync(load);
  const [changed, setChanged] = useState<AbsenceList | null>(null);
  return {
    state: changed && state.status === 'done' ? { status: 'done' as const, value: changed } : state,
    retry: () => {
      setChanged(null);
      retry();
    },
    replace: setChanged,
  };
}

function AbsenceRow(props: { absence: Absence; mayRemove: boolean; onRemove: () => Promise<void> }) {
  const { absence } = props;
  const t = useT();
  const styles = useStyles();
  const from = dayAtNoon(absence.startsOn);
  const until = dayAtNoon(absence.endsOn);
  return (
    <TableRow>
      <TableCell>
        <span className={styles.name}>
          {absence.displayName}
          {absence.current && (
            <Badge appearance="tint" color="warning">
              {t('absence.now')}
            </Badge>
          )}
          {absence.source === 'outlook' && <Caption1>{t('absence.source.outlook')}</Caption1>}
        </span>
      </TableCell>
      <TableCell>{t('absence.date', { date: from })}</TableCell>
      <TableCell>{t('absence.date', { date: until })}</TableCell>
      <TableCell>
        {absence.backup ? (
          absence.backup.displayName
        ) : (
          <Caption1 className={styles.hint}>{t('absence.noBackup')}</Caption1>
        )}
      </TableCell>
      <TableCell>{absence.note ?? ''}</TableCell>
      <TableCell>
        {props.mayRemove && (
          <ConfirmDialog
            trigger={
              <Button
                size="small"
                aria-label={t('absence.remove.label', { name: absence.displayName, from })}
              >
                {t('absence.remove')}
              </Button>
            }
            title={t('absence.remove.title')}
            confirmLabel={t('absence.remove')}
            failureTitle={t('absence.remove.failed')}
            onConfirm={props.onRemove}
          >
            <Body1>{t('absence.remove.body', { name: absence.displayName, from, until })}</Body1>
          </ConfirmDialog>
        )}
      </TableCell>
    </TableRow>
  );
}

type Draft = { userId: string; startsOn: string; endsOn: string; note: string; fromOutlook: boolean };

function RecordForm(props: {
  api: ApiClient;
  networkId: string;
  recordable: AbsenceList['staff'];
  defaultUserId: string;
  onRecorded: (list: AbsenceList, input: Draft) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const empty: Draft = {
    userId: props.defaultUserId,
    startsOn: '',
    endsOn: '',
    note: '',
    fromOutlook: false,
  };
  const [outlook, setOutlook] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // A date changed by hand is no longer Outlook's period.
  const change = (patch: Partial<Draft>) =>
    setDraft((current) => ({
      ...current,
      ...patch,
      fromOutlook:
        'startsOn' in patch || 'endsOn' in patch || 'userId' in patch ? false : current.fromOutlook,
    }));
  const takeFromOutlook = async () => {
    setOutlook(null);
    try {
      const answer = await getOutlookAbsence(props.api, props.networkId, draft.userId);
      if (answer.state === 'scheduled' && answer.startsOn && answer.endsOn) {
        setDraft((current) => ({
          ...current,
          startsOn: answer.startsOn ?? '',
          endsOn: answer.endsOn ?? '',
          fromOutlook: true,
        }));
        setErrors({});
      }
      setOutlook(outlookText(answer, t));
    } catch (failure) {
      feedback.fail(t('absence.outlook.failed'), failure);
    }
  };
  const only = props.recordable.length === 1 ? props.recordable[0] : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (draft.startsOn === '') missing['body.startsOn'] = t('absence.form.required');
    if (draft.endsOn === '') missing['body.endsOn'] = t('absence.form.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const note = draft.note.trim();
      const next = await postAbsence(props.api, props.networkId, {
        userId: draft.userId,
        startsOn: draft.startsOn,
        endsOn: draft.endsOn,
        ...(note ? { note } : {}),
        ...(draft.fromOutlook ? { source: 'outlook' as const } : {}),
      });
      props.onRecorded(next, draft);
      setDraft(empty);
      setOutlook(null);
    } catch (failure) {
      const fields = fieldErrorsOf(failure, t);
      setErrors(fields);
      if (Object.keys(fields).length === 0) feedback.fail(t('absence.form.failed'), failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('absence.form.title')}>
      {feedback.toaster}
      <form className={styles.form} onSubmit={submit} aria-label={t('absence.form.title')} noValidate>
        {only ? (
          <Body1>{t('absence.form.self', { name: only.displayName })}</Body1>
        ) : (
          <Field label={t('absence.form.who')} {...validation(errors['body.userId'])}>
            <Select value={draft.userId} onChange={(_e, data) => change({ userId: data.value })}>
              {props.recordable.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.displayName}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className={styles.dates}>
          <Field label={t('absence.form.from')} required {...validation(errors['body.startsOn'])}>
            <Input
              type="date"
              value={draft.startsOn}
              onChange={(_e, data) => change({ startsOn: data.value })}
            />
          </Field>
          <Field label={t('absence.form.until')} required {...validation(errors['body.endsOn'])}>
            <Input type="date" value={draft.endsOn} onChange={(_e, data) => change({ endsOn: data.value })} />
          </Field>
        </div>
        <div>
          <Button type="button" onClick={() => void takeFromOutlook()}>
            {t('absence.outlook.take')}
          </Button>
          {outlook && (
            <Body1 as="p" role="status" className={styles.hint}>
              {outlook}
            </Body1>
          )}
        </div>
        <Field label={t('absence.form.note')} {...validation(errors['body.note'])}>
          <Textarea
            value={draft.note}
            maxLength={MAX_ABSENCE_NOTE}
            onChange={(_e, data) => change({ note: data.value })}
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('absence.form.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** What Outlook's automatic replies gave, in a sentence for beside the button. */
function outlookText(answer: OutlookAbsence, t: ReturnType<typeof useT>): string {
  if (answer.state === 'scheduled' && answer.startsOn && answer.endsOn)
    return t('absence.outlook.taken', { from: dayAtNoon(answer.startsOn), until: dayAtNoon(answer.endsOn) });
  if (answer.state === 'unavailable')
    return t('absence.outlook.unavailable', { reason: (answer.reason ?? 'none').replace(/-/g, '_') });
  return t('absence.outlook.none', { state: answer.state });
}
