import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { fieldErrorText, fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { amsterdamToday, calendarDate } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { type CallOutDetail, closeCallOut } from '../api/call-out-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
});

/** Today + 14 days in the Netherlands, as the date input wants it (the server's default too). */
function defaultFollowUpBy(): string {
  const date = calendarDate(amsterdamToday());
  date.setUTCDate(date.getUTCDate() + 14);
  return date.toISOString().slice(0, 10);
}

/**
 * Closing asks for the evaluation note of the after-action review (the server refuses an empty one) and
 * the date by which every network it reached meets for processing and reconciliation (seed 002).
 */
export function CloseCallOut(props: {
  api: ApiClient;
  callOut: CallOutDetail;
  onClosed: (callOut: CallOutDetail, text: string) => void;
  onFailed: (title: string, error: unknown) => void;
}) {
  const { api, callOut, onClosed, onFailed } = props;
  const t = useT();
  const styles = useStyles();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [followUpBy, setFollowUpBy] = useState(defaultFollowUpBy);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  // Closing cannot be undone: the form only asks; the dialog's "yes" closes.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setError(t('callOutClose.noteRequired'));
      return;
    }
    setError(null);
    setDateError(null);
    setConfirming(true);
  };

  const close = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const after = await closeCallOut(api, callOut.id, { evaluationNote: note, followUpBy });
      setError(null);
      setDateError(null);
      onClosed(after, t('callOutClose.done'));
    } catch (failure) {
      const problems = fieldProblemsOf(failure);
      const noteProblem = problems['body.evaluationNote'];
      const dateMessage = problems['body.followUpBy'];
      if (noteProblem)
        setError(
          noteProblem.code === 'required' ? t('callOutClose.noteRequired') : fieldErrorText(noteProblem, t),
        );
      if (dateMessage) setDateError(t('callOutClose.followUpByInvalid'));
      if (!noteProblem && !dateMessage) onFailed(t('callOutClose.failed'), failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Body1>{t('callOutClose.intro')}</Body1>
      <Field
        label={t('callOutClose.note')}
        hint={t('callOutClose.noteHint')}
        required
        validationMessage={error ?? undefined}
        validationState={error ? 'error' : 'none'}
      >
        <Textarea
          value={note}
          onChange={(_event, data) => {
            setNote(data.value);
            // An error about an empty note is stale once something is typed.
            if (data.value.trim() !== '') setError(null);
          }}
          resize="vertical"
          rows={4}
        />
      </Field>
      <Field
        label={t('callOutClose.followUpBy')}
        hint={t('callOutClose.followUpByHint')}
        required
        validationMessage={dateError ?? undefined}
        validationState={dateError ? 'error' : 'none'}
      >
        <Input
          type="date"
          value={followUpBy}
          onChange={(_event, data) => {
            setFollowUpBy(data.value);
            setDateError(null);
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('callOutClose.submit')}
        </Button>
      </div>
      <Dialog modalType="alert" open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('callOutClose.confirmTitle')}</DialogTitle>
            <DialogContent>{t('callOutClose.confirmText')}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={close}>
                {t('callOutClose.confirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </form>
  );
}
