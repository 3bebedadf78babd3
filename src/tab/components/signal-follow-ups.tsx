import { Badge, Body1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { listOpenFollowUps } from '../../signals/tab/api/signal-endpoints.js';
import { statusMessage, urgencyMessage } from '../../signals/tab/components/signal-labels.js';
import { networkSignalsHref } from '../../signals/tab/signal-routes.js';
import type { ApiClient } from '../api/client.js';
import { useAsync } from '../hooks/use-async.js';
import { useT } from '../i18n/use-t.js';
import { RouterLink } from '../routing/router-link.js';
import { ErrorState } from './error-state.js';
import { LoadingState } from './loading-state.js';
import { Section } from './section.js';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The network page's block: open and overdue follow-ups of the network's signals (only for its own staff). */
export function OpenSignalFollowUps({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const { state, retry } = useAsync(useCallback(() => listOpenFollowUps(api, networkId), [api, networkId]));
  const overdue = state.status === 'done' ? state.value.filter((f) => f.overdue).length : 0;
  return (
    <Section
      title={t('signals.openFollowUps.title')}
      actions={
        <RouterLink href={networkSignalsHref(networkId, window.location.search)}>
          {t('nav.signals')}
        </RouterLink>
      }
    >
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && (
        <ErrorState title={t('signals.list.failed')} error={state.error} onRetry={retry} />
      )}
      {state.status === 'done' &&
        (state.value.length === 0 ? (
          <Body1>{t('signals.openFollowUps.none')}</Body1>
        ) : (
          <>
            <Body1>{t('signals.openFollowUps.count', { count: state.value.length, overdue })}</Body1>
            <ul className={styles.list}>
              {state.value.slice(0, 10).map((f) => (
                <li key={f.signalId} className={styles.item}>
                  <Text>
                    {intl.formatDate(`${f.dueOn}T12:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })}
                  </Text>
                  <Text>{t(urgencyMessage[f.urgency])}</Text>
                  <Text>{t(statusMessage[f.status])}</Text>
                  <Text>{f.owner?.displayName ?? ''}</Text>
                  {f.overdue && (
                    <Badge color="danger" appearance="filled">
                      {t('signals.followUp.overdue')}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
    </Section>
  );
}
