import { Body1, Button, Switch, Title1 } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { getSignalChoices } from '../api/signal-endpoints.js';
import { SignalCard } from '../components/signal-card.js';
import { SignalForm } from '../components/signal-form.js';
import { useSignalStyles } from '../components/signal-styles.js';
import { useSignalPages } from '../hooks/use-signal-pages.js';
import { thermometerHref } from '../signal-routes.js';

/**
 * `/signalen/netwerk/{id}`: the network's signals with their follow-up, a page at a time ("Meer laden" adds the
 * next page and moves the focus to its first signal), and the form to record one.
 */
export function NetworkSignalsPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useSignalStyles();
  const choices = useAsync(useCallback(() => getSignalChoices(api, networkId), [api, networkId]));
  const [openOnly, setOpenOnly] = useState(false);
  const signals = useSignalPages(api, networkId, openOnly);
  const list = useRef<HTMLUListElement>(null);
  /** The index of the first signal "Meer laden" added: it gets the focus once rendered. */
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const count = signals.state.status === 'done' ? signals.state.signals.length : 0;
  useEffect(() => {
    if (focusFrom === null || focusFrom >= count) return;
    (list.current?.children[focusFrom] as HTMLElement | undefined)?.focus();
    setFocusFrom(null);
  }, [focusFrom, count]);
  const loadMore = async () => {
    const from = count;
    await signals.loadMore();
    setFocusFrom(from);
  };
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
              (signals.state.signals.length === 0 ? (
                <Body1>{t('signals.list.empty')}</Body1>
              ) : (
                <ul className={styles.list} aria-label={t('signals.list.title')} ref={list}>
                  {signals.state.signals.map((signal) => (
                    <li key={signal.id} tabIndex={-1}>
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
            {signals.state.status === 'done' && signals.state.signals.length > 0 && (
              <div className={styles.more}>
                <Body1 role="status">
                  {t(signals.state.more ? 'signals.list.shown' : 'signals.list.all', { count })}
                </Body1>
                {signals.state.more && (
                  <Button onClick={loadMore} disabledFocusable={signals.loadingMore}>
                    {signals.loadingMore ? t('signals.list.loadingMore') : t('signals.list.more')}
                  </Button>
                )}
              </div>
            )}
            {signals.moreError !== null && (
              <ErrorState title={t('signals.list.failed')} error={signals.moreError} onRetry={loadMore} />
            )}
          </Section>
        </>
      )}
    </>
  );
}
