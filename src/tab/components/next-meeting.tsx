import { Body1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useMeetingFormat } from '../../meetings/tab/components/meeting-format.js';
import { listMeetings } from '../../meetings/tab/meeting-endpoints.js';
import { meetingsHref } from '../../meetings/tab/meeting-routes.js';
import type { ApiClient } from '../api/client.js';
import { useAsync } from '../hooks/use-async.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Volgend overleg: dinsdag 8 december 2026, 18:00 · Buurthuis De Schakel — Overleggen" on the network page.
 * While loading, or when the meetings cannot be read, only the link shows: the network page must not fail on it.
 */
export function NextMeeting({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  const { state } = useAsync(useCallback(() => listMeetings(api, networkId, 'upcoming'), [api, networkId]));
  const next =
    state.status === 'done'
      ? state.value.upcoming.find((meeting) => meeting.status === 'planned')
      : undefined;
  return (
    <Body1 className={styles.root}>
      {state.status === 'done' && (
        <>
          <Text className={styles.label}>{t('meetings.next.label')}:</Text>
          <Text weight="semibold">
            {next
              ? t('meetings.next.value', { date: format.longDate(next.date), time: format.time(next.start) })
              : t('meetings.next.none')}
          </Text>
          {next?.location && <Text>· {next.location.name}</Text>}
        </>
      )}
      <RouterLink href={meetingsHref(networkId, window.location.search)}>
        {t('meetings.next.link')}
      </RouterLink>
    </Body1>
  );
}
