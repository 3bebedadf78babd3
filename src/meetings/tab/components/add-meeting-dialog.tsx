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
  Input,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../tab/api/api-error.js';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { useFormDialogGuard } from '../../../tab/components/form-dialog-guard.js';
import { validation } from '../../../tab/components/form-ui.js';
import { amsterdamInstant, amsterdamWallClock } from '../../../tab/i18n/amsterdam-time.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { checkMeetingDate, createMeetingSeries, type Meeting } from '../meeting-endpoints.js';
import { DateReasons, type PlannerReason } from './date-reasons.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const SLOT = 'body.meetings.0';

/** The add's field errors in the tab's language, by the API's codes (the series route names it `body.meetings.0`). */
function addError(failure: unknown): MessageId | undefined {
  if (failure === 'missing') return 'meetings.move.error.missing';
  const problems = fieldProblemsOf(failure);
  if (problems[`${SLOT}.start`]?.code === 'duplicate') return 'meetings.move.error.taken';
  if (problems[`${SLOT}.start`]) return 'meetings.move.error.past';
  if (problems[`${SLOT}.end`]) return 'meetings.move.error.length';
  return undefined;
}

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
  // The planner's reasons against the chosen date; shown, then adding needs a second, explicit press.
  const [reasons, setReasons] = useState<PlannerReason[] | null>(null);
  const errorId = addError(failure);

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
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{t('meetings.add.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <Text>{t('meetings.add.help', { minutes: settings.durationMinutes })}</Text>
              <div className={styles.row}>
                <Field label={t('meetings.add.date')} required {...validation(dateError)}>
                  <Input
                    type="date"
                    value={date}
                    onChange={(_event, data) => {
                      setDate(data.value);
                      setReasons(null);
                    }}
                  />
                </Field>
                <Field label={t('meetings.add.time')} required>
                  <Input
                    type="time"
                    value={time}
                    onChange={(_event, data) => {
                      setTime(data.value);
                      setReasons(null);
                    }}
                  />
                </Field>
              </div>
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
