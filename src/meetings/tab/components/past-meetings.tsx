import {
  Body1,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Feedback } from '../../../tab/components/feedback.js';
import { Facts } from '../../../tab/components/form-ui.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type ActionStatus,
  type Meeting,
  type MeetingAction,
  updateMeetingAction,
} from '../meeting-endpoints.js';
import { MeetingCard } from './meeting-card.js';
import { useMeetingFormat } from './meeting-format.js';
import { moodMessage } from './meeting-labels.js';
import { type Participant, RecordDialog, themeMessage } from './record-dialog.js';

const useStyles = makeStyles({
  record: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const actionStatusMessage: Record<ActionStatus, MessageId> = {
  open: 'meetings.actionStatus.open',
  done: 'meetings.actionStatus.done',
  dropped: 'meetings.actionStatus.dropped',
};

/** An action's status: a select for planners (open, done, dropped), plain text for everyone else. */
function ActionStatusControl(props: {
  api: ApiClient;
  networkId: string;
  action: MeetingAction;
  canPlan: boolean;
  feedback: Feedback;
  onChanged: () => Promise<void>;
}) {
  const { api, networkId, action, canPlan, feedback, onChanged } = props;
  const t = useT();
  const [busy, setBusy] = useState(false);
  if (!canPlan) return <>{t(actionStatusMessage[action.status])}</>;
  const change = async (status: ActionStatus) => {
    setBusy(true);
    try {
      await updateMeetingAction(api, networkId, action.id, { version: action.version, status });
      await onChanged().catch(() => undefined);
      feedback.succeed(
        t('meetings.actions.changed', { action: action.description, status: t(actionStatusMessage[status]) }),
      );
    } catch (error) {
      feedback.fail(t('meetings.actions.changeFailed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Select
      size="small"
      value={action.status}
      disabled={busy}
      aria-label={t('meetings.actions.statusOf', { action: action.description })}
      onChange={(_event, data) => change(data.value as ActionStatus)}
    >
      {(['open', 'done', 'dropped'] as const).map((status) => (
        <option key={status} value={status}>
          {t(actionStatusMessage[status])}
        </option>
      ))}
    </Select>
  );
}

/** Agreed actions as a table: what, who, by when, from which meeting, and the status. */
export function ActionsTable(props: {
  api: ApiClient;
  networkId: string;
  actions: MeetingAction[];
  caption: string;
  canPlan: boolean;
  feedback: Feedback;
  onChanged: () => Promise<void>;
  showMeeting?: boolean;
}) {
  const { actions, caption, showMeeting = true } = props;
  const t = useT();
  const format = useMeetingFormat();
  return (
    <Table aria-label={caption} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('meetings.actions.description')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.actions.owner')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.actions.due')}</TableHeaderCell>
          {showMeeting && <TableHeaderCell>{t('meetings.actions.meeting')}</TableHeaderCell>}
          <TableHeaderCell>{t('meetings.actions.status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {actions.map((action) => (
          <TableRow key={action.id}>
            <TableCell>{action.description}</TableCell>
            <TableCell>{action.owner?.displayName ?? t('meetings.actions.noOwner')}</TableCell>
            <TableCell>
              {action.dueOn ? format.dayMonth(action.dueOn) : t('meetings.actions.noDue')}
            </TableCell>
            {showMeeting && <TableCell>{format.dayMonth(action.meetingDate)}</TableCell>}
            <TableCell>
              <ActionStatusControl {...props} action={action} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A past meeting with its record (attendance, themes, mood, actions), and recording it for planners. */
export function PastMeeting(props: {
  api: ApiClient;
  meeting: Meeting;
  participants: Participant[];
  canPlan: boolean;
  feedback: Feedback;
  onChanged: () => Promise<void>;
}) {
  const { api, meeting, participants, canPlan, feedback, onChanged } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const { record } = meeting;
  const saved = async (changed: Meeting) => {
    await onChanged().catch(() => undefined);
    feedback.succeed(t('meetings.record.saved', { date: format.longDate(changed.date) }));
  };
  const present = record?.attendance.filter((entry) => entry.present) ?? [];
  return (
    <MeetingCard
      meeting={meeting}
      actions={
        canPlan && meeting.status !== 'cancelled' ? (
          <RecordDialog api={api} meeting={meeting} participants={participants} onSaved={saved} />
        ) : undefined
      }
    >
      {meeting.status !== 'cancelled' && (
        <div className={styles.record}>
          {record ? (
            <>
              <Facts
                items={[
                  {
                    term: t('meetings.record.attendance'),
                    value: (
                      <>
                        {t('meetings.record.presentCount', {
                          present: present.length,
                          total: record.attendance.length,
                        })}
                        {present.length > 0 && `: ${present.map((entry) => entry.displayName).join(', ')}`}
                      </>
                    ),
                  },
                  {
                    term: t('meetings.record.themes'),
                    value:
                      record.themes.length > 0
                        ? record.themes.map((theme) => t(themeMessage[theme])).join(', ')
                        : t('meetings.record.noThemes'),
                  },
                  ...(record.themesText
                    ? [{ term: t('meetings.record.notes'), value: record.themesText }]
                    : []),
                  {
                    term: t('meetings.record.mood'),
                    value: record.mood
                      ? t('meetings.record.moodValue', {
                          mood: record.mood,
                          label: t(moodMessage[record.mood] ?? 'meetings.mood.3'),
                        })
                      : t('meetings.record.noMood'),
                  },
                ]}
              />
              {meeting.actions.length > 0 && (
                <ActionsTable
                  {...props}
                  networkId={meeting.networkId}
                  actions={meeting.actions}
                  caption={t('meetings.record.actionsOf', { date: format.longDate(meeting.date) })}
                  showMeeting={false}
                />
              )}
            </>
          ) : (
            <Body1 className={styles.muted}>{t('meetings.record.none')}</Body1>
          )}
        </div>
      )}
      {meeting.status === 'cancelled' && <Text className={styles.muted}>{t('meetings.cancelledNote')}</Text>}
    </MeetingCard>
  );
}
