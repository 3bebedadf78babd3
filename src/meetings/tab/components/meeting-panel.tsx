import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { getNetwork } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getMeeting, type Meeting } from '../meeting-endpoints.js';
import { useMeetingFormat } from './meeting-format.js';
import { everyoneOf, type Participant, participantsOf, RecordFields } from './record-fields.js';
import { type AutosaveState, useRecordAutosave } from './use-record-autosave.js';

const useStyles = makeStyles({
  title: { margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '24px' },
});

/** Saved / saving / not saved, announced politely to screen readers as it changes. */
function SaveStatus(props: {
  state: AutosaveState;
  onRetry: () => void;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
}) {
  const { state, onRetry, onKeepMine, onLoadTheirs } = props;
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  if (state.status === 'conflict')
    return (
      <MessageBar intent="warning" role="status">
        <MessageBarBody>{t('panel.save.conflict')}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={onKeepMine}>{t('panel.save.keepMine')}</Button>
          <Button onClick={onLoadTheirs}>{t('panel.save.loadTheirs')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  if (state.status === 'failed')
    return (
      <MessageBar intent="error" role="status">
        <MessageBarBody>{t(state.retryable ? 'panel.save.failed' : 'panel.save.invalid')}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry}>{t('panel.save.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  return (
    <div className={styles.status} role="status">
      {state.status === 'saving' && <Spinner size="extra-tiny" />}
      <Caption1>
        {state.status === 'saving'
          ? t('panel.save.saving')
          : state.status === 'saved'
            ? t('panel.save.saved', {
                time: intl.formatTime(state.at, { hour: '2-digit', minute: '2-digit' }),
              })
            : t('panel.save.idle')}
      </Caption1>
    </div>
  );
}

/** The record written live: the same fields and API as the meetings page's dialog, saved as they are typed. */
function LiveRecord(props: { api: ApiClient; meeting: Meeting; participants: Participant[] }) {
  const { api, meeting, participants } = props;
  const t = useT();
  const styles = useStyles();
  const [current, setCurrent] = useState(meeting);
  const everyone = useMemo(() => everyoneOf(participants, current.record), [participants, current.record]);
  const { draft, change, state, retry, keepMine, loadTheirs } = useRecordAutosave({
    api,
    meeting,
    everyone,
    onSaved: setCurrent,
  });
  const errors = fieldMessages(state.status === 'failed' ? state.error : null, {}, t);
  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()} noValidate>
      <SaveStatus
        state={state}
        onRetry={() => void retry()}
        onKeepMine={() => void keepMine()}
        onLoadTheirs={() => void loadTheirs()}
      />
      <RecordFields
        draft={draft}
        onChange={change}
        everyone={everyone}
        errors={errors}
        actionsTitle="panel.record.actions"
      />
    </form>
  );
}

/**
 * The side panel of a bondgenotenoverleg in its Teams meeting: when and where, the chair and whose agenda
 * items are up, and the record, which the network's coordinators and secretary write live.
 */
export function MeetingPanel(props: {
  api: ApiClient;
  networkId: string;
  meetingId: string;
  canRecord: boolean;
}) {
  const { api, networkId, meetingId, canRecord } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const { state, retry } = useAsync(
    useCallback(
      () => Promise.all([getMeeting(api, networkId, meetingId), getNetwork(api, networkId)]),
      [api, networkId, meetingId],
    ),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const [meeting, network] = state.value;
  const started = Date.parse(meeting.start) <= Date.now();
  const agenda = meeting.agendaTurns.map((turn) => turn.displayName).join(', ');
  return (
    <>
      <Title2 as="h1" className={styles.title}>
        {t('panel.meeting.title', { date: format.longDate(meeting.date) })}
      </Title2>
      <Body1>
        {t('panel.meeting.when', {
          network: network.name,
          time: format.timeRange(meeting.start, meeting.end),
        })}
      </Body1>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('meetings.chair')}</dt>
        <dd className={styles.definition}>{meeting.chair?.displayName ?? t('panel.meeting.noChair')}</dd>
        <dt className={styles.term}>{t('panel.meeting.agenda')}</dt>
        <dd className={styles.definition}>{agenda || t('panel.meeting.noAgenda')}</dd>
      </dl>
      <Section title={t('panel.record.title')}>
        {!canRecord ? (
          <Body1>{t('panel.record.readOnly')}</Body1>
        ) : !started ? (
          <Body1>{t('panel.record.notStarted')}</Body1>
        ) : (
          <LiveRecord api={api} meeting={meeting} participants={participantsOf(network)} />
        )}
      </Section>
    </>
  );
}
