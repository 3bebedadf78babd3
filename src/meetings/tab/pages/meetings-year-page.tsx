import { Badge, Body1, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { amsterdamToday } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { hrefOf } from '../../../tab/routing/routes.js';
import { useMeetingFormat } from '../components/meeting-format.js';
import { meetingStatusMessage } from '../components/meeting-labels.js';
import { MeetingsHeader } from '../components/meetings-header.js';
import { getMeetingYearCalendar, type YearCalendar } from '../meeting-endpoints.js';
import { meetingsHref } from '../meeting-routes.js';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
    listStyleType: 'none',
    padding: 0,
  },
  month: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}` },
  monthName: { margin: 0, textTransform: 'capitalize' },
  meetings: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  meeting: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  cancelled: { textDecorationLine: 'line-through' },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Months({ calendar }: { calendar: YearCalendar }) {
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const search = window.location.search;
  const names = new Map(calendar.networks.map((network) => [network.id, network.name]));
  const thisMonth = amsterdamToday().slice(0, 7);
  return (
    <ol className={styles.grid} aria-label={t('meetings.year.months', { year: calendar.year })}>
      {Array.from({ length: 12 }, (_unused, index) => {
        const month = `${calendar.year}-${String(index + 1).padStart(2, '0')}`;
        const meetings = calendar.meetings.filter((meeting) => meeting.date.startsWith(month));
        return (
          <li key={month} className={`${styles.month} ${month === thisMonth ? styles.current : ''}`}>
            <Text as="h2" size={400} weight="semibold" className={styles.monthName}>
              {format.monthName(index + 1)}
            </Text>
            {meetings.length === 0 ? (
              <Text className={styles.muted}>{t('meetings.year.none')}</Text>
            ) : (
              <ul className={styles.meetings}>
                {meetings.map((meeting) => (
                  <li key={meeting.id} className={styles.meeting}>
                    <span className={styles.line}>
                      <Text
                        weight="semibold"
                        className={meeting.status === 'cancelled' ? styles.cancelled : undefined}
                      >
                        {format.shortDate(meeting.date)} {format.time(meeting.start)}
                      </Text>
                      {meeting.status !== 'planned' && (
                        <Badge
                          appearance="tint"
                          color={meeting.status === 'cancelled' ? 'danger' : 'success'}
                        >
                          {t(meetingStatusMessage[meeting.status])}
                        </Badge>
                      )}
                      {meeting.trustBuilding && (
                        <Badge appearance="tint" color="brand">
                          {t('meetings.trustBuilding')}
                        </Badge>
                      )}
                    </span>
                    <RouterLink href={meetingsHref(meeting.networkId, search)}>
                      {names.get(meeting.networkId) ?? t('meetings.year.unknownNetwork')}
                    </RouterLink>
                    {meeting.locationName && <Text className={styles.muted}>{meeting.locationName}</Text>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Jaarkalender (`/overleggen/jaar`): a year's meetings across the networks the user may see, month by month. */
export function MeetingsYearPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  const [year, setYear] = useState(() => Number(amsterdamToday().slice(0, 4)));
  const { state, retry } = useAsync(useCallback(() => getMeetingYearCalendar(api, year), [api, year]));
  const heading = t('meetings.year.heading', { year });
  return (
    <>
      <MeetingsHeader
        back={{ href: hrefOf('overview', window.location.search), label: t('meetings.year.back') }}
        heading={heading}
        intro={t('meetings.year.intro')}
      />
      <div className={styles.toolbar}>
        <Button onClick={() => setYear(year - 1)}>{t('meetings.year.previous', { year: year - 1 })}</Button>
        <Button onClick={() => setYear(year + 1)}>{t('meetings.year.next', { year: year + 1 })}</Button>
        {state.status === 'done' && (
          <Body1 className={styles.muted} aria-live="polite">
            {t('meetings.year.summary', {
              meetings: state.value.meetings.filter((meeting) => meeting.status !== 'cancelled').length,
              networks: state.value.networks.length,
            })}
          </Body1>
        )}
      </div>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' &&
        (state.value.networks.length === 0 ? (
          <Body1>{t('meetings.year.noNetworks')}</Body1>
        ) : (
          <Months calendar={state.value} />
        ))}
    </>
  );
}
