import { Body1, Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { type CallOutDetail, closeCallOut } from '../../api/call-out-endpoints.js';
import type { ApiClient } from '../../api/client.js';
import { useT } from '../../i18n/use-t.js';
import { fieldErrorsOf } from '../field-errors.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
});

/** Closing asks for the evaluation note of the after-action review; the server refuses an empty one. */
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
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setError(t('callOutClose.noteRequired'));
      return;
    }
    setBusy(true);
    try {
      const after = await closeCallOut(api, callOut.id, { evaluationNote: note });
      setError(null);
      onClosed(after, t('callOutClose.done'));
    } catch (failure) {
      const message = fieldErrorsOf(failure)['body.evaluationNote'];
      if (message) setError(/must not be empty/.test(message) ? t('callOutClose.noteRequired') : message);
      else onFailed(t('callOutClose.failed'), failure);
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
        <Textarea value={note} onChange={(_event, data) => setNote(data.value)} resize="vertical" rows={4} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('callOutClose.submit')}
        </Button>
      </div>
    </form>
  );
}
