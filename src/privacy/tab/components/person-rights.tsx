import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type ConsentState,
  getInzage,
  type PrivacyPersonHit,
  withdrawConsent,
} from '../api/privacy-endpoints.js';
import { PdfDownload } from './pdf-download.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  date: { maxWidth: '180px' },
  button: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

const amsterdamToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** Inzage (AVG art. 15): the export as a JSON file, named by the person's id (never by the name). */
export function InzageDownload({ api, person }: { api: ApiClient; person: PrivacyPersonHit }) {
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; lines: number } | { kind: 'failed'; error: unknown } | null
  >(null);
  const download = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const inzage = await getInzage(api, person.id);
      const blob = new Blob([JSON.stringify(inzage, null, 2)], { type: 'application/json' });
      saveFile(blob, `inzage-${person.id.slice(0, 8)}-${inzage.generatedAt.slice(0, 10)}.json`);
      setOutcome({ kind: 'done', lines: inzage.accessLog.length });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Body1>{t('privacy.inzage.intro')}</Body1>
      <div className={styles.actions}>
        <Button onClick={download} disabledFocusable={busy}>
          {t('privacy.inzage.download')}
        </Button>
        <PdfDownload
          api={api}
          path={`/privacy/people/${encodeURIComponent(person.id)}/inzage.pdf`}
          fileName={`inzage-${person.id.slice(0, 8)}.pdf`}
          label={t('privacy.inzage.downloadPdf')}
        />
      </div>
      {outcome?.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('privacy.inzage.downloaded', { count: outcome.lines })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'failed' && <ErrorState title={t('privacy.inzage.failed')} error={outcome.error} />}
    </>
  );
}

/** Consent withdrawal with its date; the date's error from the server appears under the field. */
export function ConsentWithdrawal(props: {
  api: ApiClient;
  person: PrivacyPersonHit;
  onWithdrawn: (state: ConsentState) => void;
}) {
  const { api, person, onWithdrawn } = props;
  const t = useT();
  const styles = useStyles();
  const [date, setDate] = useState(amsterdamToday);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; state: ConsentState } | { kind: 'failed'; error: unknown } | null
  >(null);
  const failure = outcome?.kind === 'failed' ? outcome.error : null;
  const dateError = missing
    ? t('privacy.withdraw.dateRequired')
    : fieldErrorsOf(failure, t)['body.withdrawnOn'];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (date.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setOutcome(null);
    try {
      const state = await withdrawConsent(api, person.id, date);
      setOutcome({ kind: 'done', state });
      onWithdrawn(state);
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  const done = outcome?.kind === 'done' ? outcome.state : null;
  const changed = done ? done.released.reduce((sum, item) => sum + item.changed, 0) : 0;
  return (
    <>
      <Body1>{t('privacy.withdraw.intro')}</Body1>
      {done ? null : person.legalBasis === 'public_task' ? (
        <Body1>{t('privacy.withdraw.notConsent')}</Body1>
      ) : person.consentWithdrawnOn ? (
        <Body1>{t('privacy.withdraw.already', { date: person.consentWithdrawnOn })}</Body1>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <Field
            label={t('privacy.withdraw.date')}
            hint={t('privacy.withdraw.dateHint')}
            required
            {...validation(dateError)}
          >
            <Input
              className={styles.date}
              type="date"
              value={date}
              max={amsterdamToday()}
              onChange={(_event, data) => setDate(data.value)}
            />
          </Field>
          <Button type="submit" className={styles.button} disabledFocusable={busy}>
            {t('privacy.withdraw.submit')}
          </Button>
        </form>
      )}
      {done && (
        <MessageBar intent={done.failed.length > 0 ? 'warning' : 'success'}>
          <MessageBarBody>
            {t('privacy.withdraw.done', { date: done.consentWithdrawnOn ?? date, changed })}
            {done.failed.length > 0 && ` ${t('privacy.failedHolders', { holders: done.failed.join(', ') })}`}
          </MessageBarBody>
        </MessageBar>
      )}
      {failure !== null && dateError === undefined && (
        <ErrorState title={t('privacy.withdraw.failed')} error={failure} />
      )}
    </>
  );
}
