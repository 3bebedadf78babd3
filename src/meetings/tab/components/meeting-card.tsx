import { Badge, Button, Card, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type ReactNode, type SyntheticEvent, useId, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import type { Feedback } from '../../../tab/components/feedback.js';
import { Facts } from '../../../tab/components/form-ui.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getMeeting, getMeetingInvitation, type Meeting, syncMeetingCalendar } from '../meeting-endpoints.js';
import { CancelDialog, MoveDialog } from './meeting-dialogs.js';
import { useMeetingFormat } from './meeting-format.js';
import {
  calendarStateMessage,
  meetingStatusMessage,
  responseCounts,
  responseMessage,
} from './meeting-labels.js';

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
  cancelled: { textDecorationLine: 'line-through' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  responses: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Downloads the meeting as an .ics file for a local calendar (the embedded calendar's own invitation). */
function IcsDownload(props: { api: ApiClient; meeting: Meeting; feedback: Feedback }) {
  const { api, meeting, feedback } = props;
  const t = useT();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const invitation = await getMeetingInvitation(api, meeting.networkId, meeting.id);
      saveFile(new Blob([invitation.ics], { type: 'text/calendar' }), invitation.fileName);
    } catch (error) {
      feedback.fail(t('meetings.ics.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button disabledFocusable={busy} onClick={download}>
      {t('meetings.ics')}
    </Button>
  );
}

/**
 * The attendees' answers. The list shows what was last read; opening the details reads them back from the
 * calendar (one call per meeting, only when someone wants to know).
 */
function Responses({ api, meeting }: { api: ApiClient; meeting: Meeting }) {
  const t = useT();
  const styles = useStyles();
  const [read, setRead] = useState<
    { status: 'idle' | 'reading' | 'failed' } | { status: 'done'; meeting: Meeting }
  >({ status: 'idle' });
  const responses = read.status === 'done' ? read.meeting.responses : meeting.responses;
  const toggle = async (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (!event.currentTarget.open || read.status === 'reading' || read.status === 'done') return;
    setRead({ status: 'reading' });
    try {
      setRead({ status: 'done', meeting: await getMeeting(api, meeting.networkId, meeting.id) });
    } catch {
      setRead({ status: 'failed' });
    }
  };
  return (
    <details onToggle={toggle}>
      <summary>
        {responses.length > 0
          ? t('meetings.responses.summary', responseCounts(responses))
          : t('meetings.responses.show')}
      </summary>
      {read.status === 'reading' && <Text className={styles.muted}>{t('meetings.responses.reading')}</Text>}
      {read.status === 'failed' && <Text className={styles.muted}>{t('meetings.responses.failed')}</Text>}
      {read.status === 'done' && responses.length === 0 && (
        <Text className={styles.muted}>{t('meetings.responses.none')}</Text>
      )}
      {read.status !== 'reading' && responses.length > 0 && (
        <ul className={styles.responses}>
          {responses.map((response) => (
            <li key={`${response.kind}-${response.userId ?? response.personId ?? response.displayName}`}>
              {response.displayName}: {t(responseMessage[response.response])}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** One meeting: when, where, who chairs, whose turn the agenda is, and the badges that matter. */
export function MeetingCard(props: {
  meeting: Meeting;
  /** Given for upcoming meetings, to read the responses back on request. */
  api?: ApiClient;
  /** Upcoming meetings also show their calendar invitation and the attendees' responses. */
  upcoming?: boolean;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { api, meeting, upcoming = false, actions, children } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const headingId = useId();
  const cancelled = meeting.status === 'cancelled';
  return (
    <Card className={styles.card} appearance="outline" aria-labelledby={headingId}>
      <div className={styles.head}>
        <Text as="h3" size={400} weight="semibold" className={styles.heading} id={headingId}>
          <span className={cancelled ? styles.cancelled : undefined}>{format.longDate(meeting.date)}</span>
        </Text>
        {meeting.status !== 'planned' && (
          <Badge appearance="filled" color={cancelled ? 'danger' : 'success'}>
            {t(meetingStatusMessage[meeting.status])}
          </Badge>
        )}
        {meeting.trustBuilding && (
          <Badge appearance="tint" color="brand">
            {t('meetings.trustBuilding')}
          </Badge>
        )}
      </div>
      <Facts
        items={[
          { term: t('meetings.time'), value: format.timeRange(meeting.start, meeting.end) },
          { term: t('meetings.location'), value: meeting.location?.name ?? t('meetings.noLocation') },
          { term: t('meetings.chair'), value: meeting.chair?.displayName ?? t('meetings.noChair') },
          {
            term: t('meetings.agendaTurn'),
            value:
              meeting.agendaTurns.length > 0
                ? meeting.agendaTurns.map((person) => person.displayName).join(', ')
                : t('meetings.noAgendaTurn'),
          },
          ...(upcoming && meeting.status === 'planned'
            ? [
                {
                  term: t('meetings.calendar'),
                  value: (
                    <>
                      {t(calendarStateMessage[meeting.calendar.state])}
                      {meeting.calendar.webLink && (
                        <>
                          {' · '}
                          <Link href={meeting.calendar.webLink} target="_blank" rel="noreferrer">
                            {t('meetings.openInOutlook')}
                          </Link>
                        </>
                      )}
                      {meeting.calendar.joinUrl && (
                        <>
                          {' · '}
                          <Link href={meeting.calendar.joinUrl} target="_blank" rel="noreferrer">
                            {t('meetings.joinOnline')}
                          </Link>
                        </>
                      )}
                    </>
                  ),
                },
                ...(api
                  ? [{ term: t('meetings.responses'), value: <Responses api={api} meeting={meeting} /> }]
                  : []),
              ]
            : []),
        ]}
      />
      {children}
      {actions && <div className={styles.actions}>{actions}</div>}
    </Card>
  );
}

/** An upcoming meeting with what a planner can do: move, cancel, retry the calendar, and download the .ics. */
export function UpcomingMeeting(props: {
  api: ApiClient;
  meeting: Meeting;
  canPlan: boolean;
  feedback: Feedback;
  onChanged: () => Promise<void>;
}) {
  const { api, meeting, canPlan, feedback, onChanged } = props;
  const t = useT();
  const format = useMeetingFormat();
  const [syncing, setSyncing] = useState(false);
  const done = (text: MessageId) => async (changed: Meeting) => {
    await onChanged().catch(() => undefined);
    feedback.succeed(t(text, { date: format.longDate(changed.date) }));
  };
  const sync = async () => {
    setSyncing(true);
    try {
      await syncMeetingCalendar(api, meeting.networkId, meeting.id);
      await done('meetings.calendarSynced')(meeting);
    } catch (error) {
      feedback.fail(t('meetings.calendarSyncFailed'), error);
    } finally {
      setSyncing(false);
    }
  };
  const planned = meeting.status === 'planned';
  return (
    <MeetingCard
      meeting={meeting}
      api={api}
      upcoming
      actions={
        <>
          {canPlan && planned && <MoveDialog api={api} meeting={meeting} onDone={done('meetings.moved')} />}
          {canPlan && planned && (
            <CancelDialog api={api} meeting={meeting} onDone={done('meetings.cancelled')} />
          )}
          {canPlan && planned && meeting.calendar.state !== 'created' && (
            <Button disabledFocusable={syncing} onClick={sync}>
              {t('meetings.calendarRetry')}
            </Button>
          )}
          <IcsDownload api={api} meeting={meeting} feedback={feedback} />
        </>
      }
    />
  );
}
