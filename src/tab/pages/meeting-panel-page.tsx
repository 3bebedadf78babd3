import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { CallOutPanel } from '../../call-outs/tab/components/call-out-panel.js';
import { MeetingPanel } from '../../meetings/tab/components/meeting-panel.js';
import { getTeamsMeetingContext } from '../../meetings/tab/meeting-endpoints.js';
import { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import type { Me } from '../api/endpoints.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { useAsync } from '../hooks/use-async.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useT } from '../i18n/use-t.js';
import { MessagePage } from './message-page.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
});

/** Refused or unknown: the look-up does not tell the two apart, and neither does the panel. */
const isNoAccess = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

function ResolvedPanel({ api, me, threadId }: { api: ApiClient; me: Me; threadId: string }) {
  const t = useT();
  const styles = useStyles();
  const { state, retry } = useAsync(
    useCallback(() => getTeamsMeetingContext(api, threadId), [api, threadId]),
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed')
    return isNoAccess(state.error) ? (
      <MessagePage title={t('panel.noAccess.title')}>
        <Body1>{t('panel.noAccess.body')}</Body1>
      </MessagePage>
    ) : (
      <ErrorState error={state.error} onRetry={retry} />
    );
  const context = state.value;
  return (
    <div className={styles.root}>
      {context.kind === 'meeting' ? (
        <MeetingPanel
          api={api}
          networkId={context.networkId}
          meetingId={context.meetingId}
          canRecord={context.canRecord}
        />
      ) : (
        <CallOutPanel api={api} me={me} callOutId={context.callOutId} />
      )}
    </div>
  );
}

/**
 * `/paneel`: the side panel inside a Teams meeting. The meeting's thread id comes from teams-js; the server
 * decides which overleg or call-out it is and whether this user may see it.
 */
export function MeetingPanelPage({ api, me, threadId }: { api: ApiClient; me: Me; threadId: string | null }) {
  const t = useT();
  useDocumentTitle(t('panel.documentTitle'));
  if (!threadId)
    return (
      <MessagePage title={t('panel.notInMeeting.title')}>
        <Body1>{t('panel.notInMeeting.body')}</Body1>
      </MessagePage>
    );
  return <ResolvedPanel api={api} me={me} threadId={threadId} />;
}
