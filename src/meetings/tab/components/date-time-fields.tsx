import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * Why a manual date was refused, in the tab's language, by the API's codes: `missing` (the form's own check), the
 * date taken by another meeting, one in the past, or a length the rules refuse. `slot` is the refused meeting's
 * path (`body` when moving, `body.meetings.0` when adding).
 */
export function manualDateError(failure: unknown, slot: string): MessageId | undefined {
  if (failure === 'missing') return 'meetings.move.error.missing';
  const problems = fieldProblemsOf(failure);
  if (problems[`${slot}.start`]?.code === 'duplicate') return 'meetings.move.error.taken';
  if (problems[`${slot}.start`]) return 'meetings.move.error.past';
  if (problems[`${slot}.end`]) return 'meetings.move.error.length';
  return undefined;
}

/** The date and start time of a meeting chosen by hand; any change clears the planner's earlier reasons. */
export function DateTimeFields(props: {
  labels: { date: string; time: string };
  date: string;
  time: string;
  dateError: string | undefined;
  onChange: (change: { date?: string; time?: string }) => void;
}) {
  const { labels, date, time, dateError, onChange } = props;
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={labels.date} required {...validation(dateError)}>
        <Input type="date" value={date} onChange={(_event, data) => onChange({ date: data.value })} />
      </Field>
      <Field label={labels.time} required>
        <Input type="time" value={time} onChange={(_event, data) => onChange({ time: data.value })} />
      </Field>
    </div>
  );
}
