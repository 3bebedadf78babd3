import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { type ApiClient, combineAnswers } from '../../../tab/api/client.js';
import { getNetwork } from '../../../tab/api/endpoints.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { NetworkFollowUps } from '../../../tab/components/follow-ups.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { AddMeetingDialog } from '../components/add-meeting-dialog.js';
import { LinkButton } from '../components/link-button.js';
import { LocationsSection } from '../components/locations-section.js';
import { UpcomingMeeting } from '../components/meeting-card.js';
import { useMeetingFormat } from '../components/meeting-format.js';
import { MeetingsHeader } from '../components/meetings-header.js';
import { ActionsTable, PastMeeting } from '../components/past-meetings.js';
import { ProposalCardSection } from '../components/proposal-card-section.js';
import { participantsOf } from '../components/record-fields.js';
import { SettingsSection } from '../components/settings-section.js';
import {
  getMeetingSettings,
  listMeetingLocations,
  listMeetings,
  type Meeting,
} from '../meeting-endpoints.js';
import { plannerHref, yearCalendarHref } from '../meeting-routes.js';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  warnings: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
});

/** The page's four answers; combined through `combineAnswers`, so primed answers that arrived show at once. */
function loadAll(api: ApiClient, networkId: string) {
  return combineAnswers(
    [
      getNetwork(api, networkId),
      getMeetingSettings(api, networkId),
      listMeetingLocations(api, networkId),
      listMeetings(api, networkId),
    ] as const,
    ([network, settings, locations, meetings]) => ({ network, settings, locations, meetings }),
  );
}

/**
 * Overleggen (`/netwerken/{id}/overleggen`): the settings and locations, upcoming meetings (move, cancel, .ics),
 * past meetings with their records, and the open actions.
 */
export function MeetingsNetworkPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const feedback = useFeedback();
  const { state, retry, refresh } = useAsync(useCallback(() => loadAll(api, networkId), [api, networkId]));
  const search = window.location.search;

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed')
    return (
      <NotFoundOrError
        error={state.error}
        title={t('networkPage.notFoundTitle')}
        body={t('networkPage.notFoundBody')}
        onRetry={retry}
      />
    );
  const { network, settings, locations, meetings } = state.value;
  const canPlan = network.myRole === 'coordinator' || network.myRole === 'secretary';
  const openActions = meetings.openActions.filter((action) => action.status === 'open');
  const participants = participantsOf(network);
  const settingsSaved = async () => {
    await refresh().catch(() => undefined);
    feedback.succeed(t('meetings.settings.saved'));
  };
  const common = { api, canPlan, feedback, onChanged: refresh };
  const meetingAdded = async (meeting: Meeting) => {
    await refresh().catch(() => undefined);
    feedback.succeed(t('meetings.added', { date: format.longDate(meeting.date) }));
  };

  return (
    <>
      <MeetingsHeader
        back={{
          href: networkHref(networkId, search),
          label: t('insight.backToNetwork', { network: network.name }),
        }}
        heading={t('insight.pageTitle', { page: t('meetings.title'), network: network.name })}
        intro={t('meetings.intro')}
        actions={
          <>
            {canPlan && (
              <LinkButton href={plannerHref(networkId, search)} primary>
                {t('meetings.planSeries')}
              </LinkButton>
            )}
            {canPlan && (
              <AddMeetingDialog api={api} networkId={networkId} settings={settings} onDone={meetingAdded} />
            )}
            <LinkButton href={yearCalendarHref(search)}>{t('meetings.year.title')}</LinkButton>
          </>
        }
      />
      {settings.warnings.length > 0 && (
        <div className={styles.warnings}>
          {settings.warnings.map((warning) => (
            <MessageBar key={warning.code} intent="warning">
              <MessageBarBody>{format.reason(warning)}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      <NetworkFollowUps followUps={meetings.followUps} />
      <Section title={t('meetings.upcoming')}>
        {meetings.upcoming.length === 0 ? (
          <Body1>{t(canPlan ? 'meetings.noUpcomingPlan' : 'meetings.noUpcoming')}</Body1>
        ) : (
          <div className={styles.list}>
            {meetings.upcoming.map((meeting) => (
              <UpcomingMeeting key={meeting.id} meeting={meeting} {...common} />
            ))}
          </div>
        )}
      </Section>
      <Section title={t('meetings.openActions')}>
        {openActions.length === 0 ? (
          <Body1>{t('meetings.noOpenActions')}</Body1>
        ) : (
          <ActionsTable
            {...common}
            networkId={networkId}
            actions={openActions}
            caption={t('meetings.openActions')}
          />
        )}
      </Section>
      <Section title={t('meetings.past')}>
        {meetings.past.length === 0 ? (
          <Body1>{t('meetings.noPast')}</Body1>
        ) : (
          <div className={styles.list}>
            {meetings.past.map((meeting) => (
              <PastMeeting key={meeting.id} meeting={meeting} participants={participants} {...common} />
            ))}
          </div>
        )}
      </Section>
      {canPlan && <ProposalCardSection api={api} networkId={networkId} />}
      <SettingsSection
        api={api}
        networkId={networkId}
        settings={settings}
        staff={network.staff}
        canPlan={canPlan}
        onSaved={settingsSaved}
      />
      <LocationsSection
        api={api}
        networkId={networkId}
        locations={locations}
        canPlan={canPlan}
        feedback={feedback}
        onChanged={refresh}
      />
      {feedback.toaster}
    </>
  );
}
