import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { useFocusFirstInvalid } from '../../../tab/components/use-focus-first-invalid.js';
import { amsterdamInstant, amsterdamWallClock } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { checkMeetingDate, createMeetingSeries, type Meeting } from '../meeting-endpoints.js';
import { DateReasons, type PlannerReason } from './date-reasons.js';
import { DateTimeFields, manualDateError } from './date-time-fields.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A meeting of the network's length starting at a wall-clock date and time in Amsterdam. */
function slotOf(date: string, time: string, minutes: number): { start: string; end: string } {
  const start = amsterdamInstant(date, time);
  const end = amsterdamWallClock(new Date(Date.parse(start) + minutes * 60_000).toISOString());
  return { start, end: amsterdamInstant(end.date, end.time) };
}

/**
 * Adds one meeting on a date the secretary chooses (issue 15 item 7): the planner's checks run first, and a date it
 * would skip is shown with its reasons and needs a second, explicit press ("Toch toevoegen"), as moving does.
 */
export function AddMeetingDialog(props: {
  api: ApiClient;
  networkId: string;
  settings: { startTime: string; durationMinutes: number };
  onDone: (meeting: Meeting) => void;
}) {
  const { api, networkId, settings, onDone } = props;
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  // The planner's reasons against the chosen date; shown, then adding needs a second, explicit press.
  const [reasons, setReasons] = useState<PlannerReason[] | null>(null);
  // The series route names the one meeting `body.meetings.0`.
  const errorId = manualDateError(failure, 'body.meetings.0');

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (next) {
      setDate('');
      setTime(settings.startTime.slice(0, 5));
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
    const slot = slotOf(date, time, settings.durationMinutes);
    try {
      if (reasons === null) {
        const check = await checkMeetingDate(api, networkId, slot);
        if (check.reasons.length > 0) {
          setReasons(check.reasons);
          return;
        }
      }
      const series = await createMeetingSeries(api, networkId, {
        meetings: [slot],
        ...(reasons && reasons.length > 0 ? { confirmReasons: true } : {}),
      });
      const added = series.meetings[0];
      setOpen(false);
      if (added) onDone(added);
    } catch (error) {
      // Something changed since the check (someone became busy): show the reasons now, as the check would.
      if (error instanceof ApiError && error.status === 409 && reasons === null)
        setReasons((await checkMeetingDate(api, networkId, slot).catch(() => null))?.reasons ?? null);
      setFailure(error instanceof ApiError && error.status === 409 ? null : error);
    } finally {
      setBusy(false);
    }
  };
  const guard = useFormDialogGuard({ open, form: { date, time }, onOpenChange: changeOpen });
  const dateError = errorId ? t(errorId) : undefined;
  const warned = reasons !== null && reasons.length > 0;
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('meetings.add')}</Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.add.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t('meetings.add.help', { minutes: settings.durationMinutes })}</Text>
              <DateTimeFields
                labels={{ date: t('meetings.add.date'), time: t('meetings.add.time') }}
                date={date}
                time={time}
                dateError={dateError}
                onChange={(change) => {
                  if (change.date !== undefined) setDate(change.date);
                  if (change.time !== undefined) setTime(change.time);
                  setReasons(null);
                }}
              />
              {warned && <DateReasons reasons={reasons} help={t('meetings.add.reasonsHelp')} />}
              {failure !== null && !errorId && (
                <ErrorState title={t('meetings.add.failed')} error={failure} />
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t(warned ? 'meetings.add.confirmAnyway' : 'meetings.add.confirm')}
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
