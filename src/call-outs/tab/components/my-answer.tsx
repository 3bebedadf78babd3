import { Body1, Button, Field, Input, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { ETA_MAX_MINUTES } from '../../constants.js';
import { answerThroughLink } from '../api/answer-link-endpoints.js';
import { answerCallOut, type CallOutDetail, type StaffAnswer } from '../api/call-out-endpoints.js';
import { answerButtonMessage, answerMessage, staffAnswers } from './call-out-labels.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 160px',
    gap: tokens.spacingHorizontalL,
    '@media (max-width: 560px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/**
 * The signed-in recipient's own answer, the same three as the Teams card; answering again replaces the answer.
 * Note and ETA go with whichever button is pressed.
 */
export function MyAnswer(props: {
  api: ApiClient;
  callOut: CallOutDetail;
  mine: NonNullable<CallOutDetail['recipients'][number]['answer']> | null;
  onAnswered: (callOut: CallOutDetail, text: string) => void;
  onFailed: (title: string, error: unknown) => void;
  /** The e-mailed one-time link the page was opened with: the next answer goes through it. */
  link?: { token: string; onUsed: () => void; onRefused: (error: unknown) => void } | null;
}) {
  const { api, callOut, mine, onAnswered, onFailed, link } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const [note, setNote] = useState(mine?.note ?? '');
  const [eta, setEta] = useState(mine?.etaMinutes === null || mine === null ? '' : String(mine.etaMinutes));
  const [busy, setBusy] = useState<StaffAnswer | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const etaValue = eta.trim() === '' ? null : Number(eta);
  const etaInvalid =
    etaValue !== null && (!Number.isInteger(etaValue) || etaValue < 0 || etaValue > ETA_MAX_MINUTES);

  const answer = async (choice: StaffAnswer) => {
    if (etaInvalid) {
      setErrors({ etaMinutes: t('callOut.myAnswer.etaInvalid') });
      return;
    }
    setBusy(choice);
    try {
      const input = {
        answer: choice,
        note: note.trim() === '' ? null : note.trim(),
        etaMinutes: choice === 'coming' ? etaValue : null,
      };
      const after = link
        ? await answerThroughLink(api, { ...input, token: link.token })
        : await answerCallOut(api, callOut.id, input);
      link?.onUsed();
      setErrors({});
      onAnswered(
        after,
        mine
          ? t('callOut.myAnswer.changed', { answer: t(answerMessage[choice]) })
          : t('callOut.myAnswer.saved', { answer: t(answerMessage[choice]) }),
      );
    } catch (error) {
      const fields = Object.fromEntries(
        Object.entries(fieldErrorsOf(error, t)).map(([field, message]) => [
          field.replace(/^body\./, ''),
          message,
        ]),
      );
      setErrors(fields);
      // The link was used or refused meanwhile: the notice says why, and the form answers the ordinary way.
      if (link && Object.keys(fields).length === 0) link.onRefused(error);
      else if (Object.keys(fields).length === 0) onFailed(t('callOut.myAnswer.failed'), error);
    } finally {
      setBusy(null);
    }
  };

  const error = (field: string) => ({
    validationMessage: errors[field],
    validationState: errors[field] ? ('error' as const) : ('none' as const),
  });

  return (
    <div className={styles.root}>
      <Body1 aria-live="polite">
        {mine
          ? t('callOut.myAnswer.current', {
              answer: t(answerMessage[mine.answer]),
              time: intl.formatTime(mine.answeredAt, { timeStyle: 'short' }),
            })
          : t('callOut.myAnswer.none')}
      </Body1>
      <div className={styles.fields}>
        <Field label={t('callOut.myAnswer.note')} {...error('note')}>
          <Textarea value={note} onChange={(_event, data) => setNote(data.value)} resize="vertical" />
        </Field>
        <Field
          label={t('callOut.myAnswer.eta')}
          hint={t('callOut.myAnswer.etaHint')}
          {...error('etaMinutes')}
        >
          <Input
            type="number"
            min={0}
            max={600}
            inputMode="numeric"
            value={eta}
            onChange={(_event, data) => setEta(data.value)}
          />
        </Field>
      </div>
      <div className={styles.buttons}>
        {staffAnswers.map((choice) => (
          <Button
            key={choice}
            appearance={choice === 'coming' ? 'primary' : 'secondary'}
            aria-pressed={mine?.answer === choice}
            disabledFocusable={busy !== null}
            onClick={() => answer(choice)}
          >
            {t(answerButtonMessage[choice])}
          </Button>
        ))}
      </div>
    </div>
  );
}
