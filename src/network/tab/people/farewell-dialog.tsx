import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useEffect, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { FAREWELL_REASONS, type FarewellReason } from '../../constants.js';
import { type FarewellResult, recordFarewell } from '../api/network-endpoints.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The message id of each farewell reason. */
export const farewellReasonMessage: Record<FarewellReason, MessageId> = {
  own_wish: 'farewell.reason.own_wish',
  evaluation: 'farewell.reason.evaluation',
  moved: 'farewell.reason.moved',
  integrity: 'farewell.reason.integrity',
  deceased: 'farewell.reason.deceased',
  other: 'farewell.reason.other',
};

const FIELDS: Record<string, MessageId> = {
  'body.reasonNote': 'farewell.error.note',
  'body.endedOn': 'farewell.error.date',
};

/** Today in Europe/Amsterdam as YYYY-MM-DD, the default end date. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/**
 * "Afscheid nemen": ends an ally's or key figure's membership with an end date, a reason (a note for "other") and
 * whether they were thanked. The evaluation page opens it with the evaluation's id and reason preset.
 */
export function FarewellDialog(props: {
  api: ApiClient;
  person: { id: string; displayName: string; version: number };
  onDone: (result: FarewellResult) => void;
  evaluationId?: string | undefined;
  triggerLabel?: string | undefined;
  /** Opens the dialog each time the number grows (the person form's "Lidmaatschap beëindigen" link). */
  openRequest?: number | undefined;
}) {
  const { api, person, onDone, evaluationId, openRequest } = props;
  const t = useT();
  const styles = useStyles();
  const initial = {
    endedOn: today(),
    reason: (evaluationId ? 'evaluation' : 'own_wish') as FarewellReason,
    reasonNote: '',
    thanked: false,
  };
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  const errors = fieldMessages(failure, FIELDS, t);
  const noteMissing = failure === 'note' ? t('farewell.error.note') : errors['body.reasonNote'];

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setForm(initial);
      setFailure(null);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.reason === 'other' && form.reasonNote.trim() === '') {
      setFailure('note');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await recordFarewell(api, person.id, {
        version: person.version,
        endedOn: form.endedOn,
        reason: form.reason,
        reasonNote: form.reasonNote.trim() === '' ? null : form.reasonNote.trim(),
        thanked: form.thanked,
        evaluationId: evaluationId ?? null,
      });
      setOpen(false);
      onDone(result);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: opens on a new request only, not on each render's changeOpen.
  useEffect(() => {
    if (openRequest) changeOpen(true);
  }, [openRequest]);
  const guard = useFormDialogGuard({ open, form, onOpenChange: changeOpen });
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{props.triggerLabel ?? t('farewell.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('farewell.title', { name: person.displayName })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t('farewell.help')}</Text>
              <Field label={t('farewell.endedOn')} required {...validation(errors['body.endedOn'])}>
                <Input
                  type="date"
                  value={form.endedOn}
                  max={today()}
                  onChange={(_event, data) => setForm({ ...form, endedOn: data.value })}
                />
              </Field>
              <Field label={t('farewell.reason')} required>
                <Select
                  value={form.reason}
                  onChange={(_event, data) => setForm({ ...form, reason: data.value as FarewellReason })}
                >
                  {FAREWELL_REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {t(farewellReasonMessage[reason])}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={t('farewell.note')}
                required={form.reason === 'other'}
                hint={t('farewell.noteHint')}
                {...validation(noteMissing)}
              >
                <Textarea
                  value={form.reasonNote}
                  maxLength={1000}
                  onChange={(_event, data) => setForm({ ...form, reasonNote: data.value })}
                />
              </Field>
              <Checkbox
                checked={form.thanked}
                label={t('farewell.thanked')}
                onChange={(_event, data) => setForm({ ...form, thanked: data.checked === true })}
              />
              {failure !== null && failure !== 'note' && Object.keys(errors).length === 0 && (
                <ErrorState title={t('farewell.failed')} error={failure} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('farewell.confirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('farewell.keep')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
