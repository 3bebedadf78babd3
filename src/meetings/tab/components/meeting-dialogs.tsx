import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import { amsterdamWallClock, movedTimes } from '../../../tab/i18n/amsterdam-time.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { cancelMeeting, checkMeetingDate, type Meeting, updateMeeting } from '../meeting-endpoints.js';
import { DateReasons, type PlannerReason } from './date-reasons.js';
import { DateTimeFields, manualDateError } from './date-time-fields.js';
import { useMeetingFormat } from './meeting-format.js';

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  cancelled: { textDecorationLine: 'line-through' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  responses: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

const CANCEL_FIELDS: Record<string, MessageId> = { 'body.reason': 'meetings.cancel.error.reason' };

/** Moves a meeting to another date and start time, keeping its length; the calendar event follows. */
export function MoveDialog(props: { api: ApiClient; meeting: Meeting; onDone: (meeting: Meeting) => void }) {
  const { api, meeting, onDone } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  // The planner's reasons against the chosen date; shown, then the move needs a second, explicit press.
  const [reasons, setReasons] = useState<PlannerReason[] | null>(null);
  const errorId = manualDateError(failure, 'body');

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      const wall = amsterdamWallClock(meeting.start);
      setDate(wall.date);
      setTime(wall.time);
      setFailure(null);
      setReasons(null);
    }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
      setFailure('missing');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const times = movedTimes(meeting, date, time);
      const newDate = date !== amsterdamWallClock(meeting.start).date;
      if (newDate && reasons === null) {
        const check = await checkMeetingDate(api, meeting.networkId, { ...times, meetingId: meeting.id });
        if (check.reasons.length > 0) {
          setReasons(check.reasons);
          return;
        }
      }
      const moved = await updateMeeting(api, meeting.networkId, meeting.id, {
        version: meeting.version,
        ...times,
        ...(newDate && reasons && reasons.length > 0 ? { confirmReasons: true } : {}),
      });
      setOpen(false);
      onDone(moved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const dateError = errorId ? t(errorId) : undefined;
  const guard = useFormDialogGuard({ open, form: { date, time }, onOpenChange: changeOpen });
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('meetings.move')}</Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.move.title', { date: format.longDate(meeting.date) })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t('meetings.move.help')}</Text>
              <DateTimeFields
                labels={{ date: t('meetings.move.date'), time: t('meetings.move.time') }}
                date={date}
                time={time}
                dateError={dateError}
                onChange={(change) => {
                  if (change.date !== undefined) setDate(change.date);
                  if (change.time !== undefined) setTime(change.time);
                  setReasons(null);
                }}
              />
              {reasons && reasons.length > 0 && <DateReasons reasons={reasons} />}
              {failure !== null && !errorId && (
                <ErrorState title={t('meetings.move.failed')} error={failure} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t(reasons && reasons.length > 0 ? 'meetings.move.confirmAnyway' : 'meetings.move.confirm')}
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

/** Cancels a meeting after confirmation; the reason goes to the attendees with the cancellation. */
export function CancelDialog(props: {
  api: ApiClient;
  meeting: Meeting;
  onDone: (meeting: Meeting) => void;
}) {
  const { api, meeting, onDone } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  const errors = fieldMessages(failure, CANCEL_FIELDS, t);
  const reasonError = failure === 'missing' ? t('meetings.cancel.error.reason') : errors['body.reason'];

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setReason('');
      setFailure(null);
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setFailure('missing');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const cancelled = await cancelMeeting(api, meeting.networkId, meeting.id, {
        version: meeting.version,
        reason: reason.trim(),
      });
      setOpen(false);
      onDone(cancelled);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const guard = useFormDialogGuard({ open, form: reason, onOpenChange: changeOpen });
  return (
    <Dialog modalType="alert" open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('meetings.cancel')}</Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={confirm} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.cancel.title', { date: format.longDate(meeting.date) })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t('meetings.cancel.help')}</Text>
              <Field label={t('meetings.cancel.reason')} required {...validation(reasonError)}>
                <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} />
              </Field>
              {failure !== null && failure !== 'missing' && Object.keys(errors).length === 0 && (
                <ErrorState title={t('meetings.cancel.failed')} error={failure} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('meetings.cancel.confirm')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('meetings.cancel.keep')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
