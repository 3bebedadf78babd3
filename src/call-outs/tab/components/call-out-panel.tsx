import { MessageBar, MessageBarBody, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { NotFoundOrError } from '../../../tab/components/not-found-or-error.js';
import { Section } from '../../../tab/components/section.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { CallList } from './call-list.js';
import { kindMessage, placeNames } from './call-out-labels.js';
import { CallOutOverview } from './call-out-overview.js';
import { useLiveCallOut } from './use-live-call-out.js';

const useStyles = makeStyles({
  title: { margin: 0 },
  stale: { marginTop: tokens.spacingVerticalM },
});

/**
 * The side panel of a call-out's *Bijeenkomst nu* in its Teams meeting: the countdown, progress and live tally,
 * and the call list, followed with the call-out page's own change-stamp polling.
 */
export function CallOutPanel({ api, me, callOutId }: { api: ApiClient; me: Me; callOutId: string }) {
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const { load, callOut, stale, replace } = useLiveCallOut(api, callOutId);
  if (!callOut) {
    if (load.state.status === 'failed')
      return (
        <NotFoundOrError
          error={load.state.error}
          title={t('callOut.notFoundTitle')}
          body={t('callOut.notFoundBody')}
          onRetry={load.retry}
        />
      );
    return <LoadingState />;
  }
  return (
    <>
      {feedback.toaster}
      <Title2 as="h1" className={styles.title}>
        {t('callOut.title', { kind: t(kindMessage[callOut.kind]), places: placeNames(callOut) })}
      </Title2>
      {stale && (
        <MessageBar intent="warning" className={styles.stale}>
          <MessageBarBody>{t('callOut.stale')}</MessageBarBody>
        </MessageBar>
      )}
      <CallOutOverview callOut={callOut} />
      <Section title={t('callList.title')}>
        <CallList
          api={api}
          callOut={callOut}
          myUserId={me.user.id}
          onRecorded={(after, text) => {
            replace(after);
            feedback.succeed(text);
          }}
          onFailed={feedback.fail}
        />
      </Section>
    </>
  );
}
