import { Body1, Switch, Title1 } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { getSignalChoices, listSignals } from '../api/signal-endpoints.js';
import { SignalCard } from '../components/signal-card.js';
import { SignalForm } from '../components/signal-form.js';
import { useSignalStyles } from '../components/signal-styles.js';
import { thermometerHref } from '../signal-routes.js';

/** `/signalen/netwerk/{id}`: the network's signals with their follow-up, and the form to record one. */
export function NetworkSignalsPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useSignalStyles();
  const choices = useAsync(useCallback(() => getSignalChoices(api, networkId), [api, networkId]));
  const [openOnly, setOpenOnly] = useState(false);
  const signals = useAsync(
    useCallback(() => listSignals(api, networkId, openOnly), [api, networkId, openOnly]),
  );
  useDocumentTitle(`${t('signals.list.title')} – ${t('app.name')}`);
  return (
    <>
      <div className={styles.links}>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {t('signals.toNetwork')}
        </RouterLink>
        <RouterLink href={thermometerHref(window.location.search)}>{t('signals.toThermometer')}</RouterLink>
      </div>
      <Title1 as="h1">{t('signals.list.title')}</Title1>
      <Body1 as="p">{t('signals.intro')}</Body1>
      {choices.state.status === 'loading' && <LoadingState />}
      {choices.state.status === 'failed' && (
        <ErrorState title={t('signals.list.failed')} error={choices.state.error} onRetry={choices.retry} />
      )}
      {choices.state.status === 'done' && (
        <>
          <Section title={t('signals.new')}>
            <SignalForm
              api={api}
              networkId={networkId}
              choices={choices.state.value}
              onSaved={signals.retry}
            />
          </Section>
          <Section
            title={t('signals.list.title')}
            actions={
              <Switch
                checked={openOnly}
                label={t('signals.list.openOnly')}
                onChange={(_e, data) => setOpenOnly(data.checked)}
              />
            }
          >
            {signals.state.status === 'loading' && <LoadingState />}
            {signals.state.status === 'failed' && (
              <ErrorState
                title={t('signals.list.failed')}
                error={signals.state.error}
                onRetry={signals.retry}
              />
            )}
            {signals.state.status === 'done' &&
              (signals.state.value.length === 0 ? (
                <Body1>{t('signals.list.empty')}</Body1>
              ) : (
                <ul className={styles.list} aria-label={t('signals.list.title')}>
                  {signals.state.value.map((signal) => (
                    <li key={signal.id}>
                      <SignalCard
                        api={api}
                        signal={signal}
                        choices={choices.state.status === 'done' ? choices.state.value : undefined}
                        onChanged={signals.refresh}
                      />
                    </li>
                  ))}
                </ul>
              ))}
          </Section>
        </>
      )}
    </>
  );
}
