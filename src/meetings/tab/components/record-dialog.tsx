import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { fieldMessages } from '../../../tab/components/form-ui.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { type Meeting, putMeetingRecord } from '../meeting-endpoints.js';
import { useMeetingFormat } from './meeting-format.js';
import { draftOf, everyoneOf, type Participant, RecordFields, recordBody } from './record-fields.js';

export { type Participant, themeMessage } from './record-fields.js';

const useStyles = makeStyles({
  surface: { maxWidth: '760px' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Records a meeting: who was there, the themes, the mood at the table and the actions agreed. */
export function RecordDialog(props: {
  api: ApiClient;
  meeting: Meeting;
  participants: Participant[];
  onSaved: (meeting: Meeting) => void;
}) {
  const { api, meeting, participants, onSaved } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const record = meeting.record;
  const everyone = everyoneOf(participants, record);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(() => draftOf(record));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  const errors = fieldMessages(failure, {}, t);
  const hasFieldErrors = Object.keys(errors).length > 0;

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setDraft(draftOf(record));
      setFailure(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const saved = await putMeetingRecord(
        api,
        meeting.networkId,
        meeting.id,
        recordBody(draft, everyone, record?.version ?? 0),
      );
      setOpen(false);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const guard = useFormDialogGuard({ open, form: draft, onOpenChange: changeOpen });
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={record ? 'secondary' : 'primary'}>
          {t(record ? 'meetings.record.edit' : 'meetings.record.add')}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        {guard.confirmation}
        <form ref={formRef} onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.record.title', { date: format.longDate(meeting.date) })}</DialogTitle>
            <DialogContent className={styles.form}>
              <RecordFields
                draft={draft}
                onChange={setDraft}
                everyone={everyone}
                errors={errors}
                actionsTitle="meetings.record.newActions"
              />
              {failure !== null && !hasFieldErrors && (
                <ErrorState title={t('meetings.record.failed')} error={failure} />
              )}
              {hasFieldErrors && (
                <MessageBar intent="error">
                  <MessageBarBody>{t('meetings.fixFields')}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('meetings.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
