import { Body1, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { listOpenCallOuts } from '../api/call-out-endpoints.js';
import { closedCallOutsHref } from '../call-out-routes.js';
import { OpenCallOutsTable } from '../components/open-call-outs.js';
import { StartCallOutButton } from '../components/start-call-out-button.js';
import { POLL_INTERVAL_MS } from '../components/use-live-call-out.js';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  closed: { display: 'inline-block', marginTop: tokens.spacingVerticalS },
  body: { marginTop: tokens.spacingVerticalXL },
});

/** "Crisisoproepen": the open call-outs the user may see, kept current, the way to start one, and to the closed ones. */
export function CallOutListPage({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('callOutList.title')} – ${t('app.name')}`);
  const { state, retry, refresh } = useAsync(useCallback(() => listOpenCallOuts(api), [api]));
  useEffect(() => {
    const timer = setInterval(() => {
      // A failed refresh keeps the last list; the next one tries again.
      if (document.visibilityState === 'visible') refresh().catch(() => undefined);
    }, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <>
      <div className={styles.top}>
        <Title1 as="h1" className={styles.title}>
          {t('callOutList.title')}
        </Title1>
        <StartCallOutButton me={me} />
      </div>
      <Body1 className={styles.intro}>{t('callOutList.intro')}</Body1>
      <RouterLink href={closedCallOutsHref(window.location.search)} className={styles.closed}>
        {t('callOutClosed.link')}
      </RouterLink>
      <div className={styles.body}>
        {state.status === 'loading' && <LoadingState />}
        {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
        {state.status === 'done' && (
          <OpenCallOutsTable callOuts={state.value} label={t('callOutList.title')} />
        )}
      </div>
    </>
  );
}
