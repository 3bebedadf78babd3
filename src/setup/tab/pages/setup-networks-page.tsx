import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { listAreas, listMunicipalities } from '../api/setup-endpoints.js';
import { getAllyLimits, listManagedNetworks } from '../api/setup-network-endpoints.js';
import { AllyLimitsForm } from '../components/ally-limits-form.js';
import { BackToChecklist } from '../components/back-to-checklist.js';
import { NetworkRow } from '../components/network-row.js';
import { StartNetworkForm } from '../components/start-network-form.js';
import { setupHref } from '../setup-routes.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  intro: { marginTop: 0 },
});

/** Beheer → Inrichting → Netwerken: start, rename, pause, resume and archive networks; the ally limits. */
export function SetupNetworksPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('admin.title', { page: t('setup.networks.title') })} – ${t('app.name')}`);
  const load = useAsync(
    useCallback(async () => {
      const [municipality] = await listMunicipalities(api);
      if (!municipality) return null;
      const [networks, areas, limits] = await Promise.all([
        listManagedNetworks(api, municipality.id),
        listAreas(api, municipality.id),
        getAllyLimits(api, municipality.id),
      ]);
      return { municipality, networks, areas, limits };
    }, [api]),
  );
  const value = load.state.status === 'done' ? load.state.value : null;
  return (
    <>
      <AdminHeader page="setup" heading={t('setup.networks.title')} intro={t('setup.networks.intro')} />
      <BackToChecklist />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <ErrorState title={t('setup.loadFailed')} error={load.state.error} onRetry={load.retry} />
      )}
      {load.state.status === 'done' && value === null && (
        <Body1>
          <RouterLink href={setupHref('municipality', window.location.search)}>
            {t('setup.networks.noMunicipality')}
          </RouterLink>
        </Body1>
      )}
      {value && (
        <>
          <Section title={t('setup.networks.title')}>
            {value.networks.length === 0 ? (
              <Body1 className={styles.muted}>{t('setup.networks.empty')}</Body1>
            ) : (
              <ul
                className={styles.list}
                aria-label={t('setup.networks.listLabel', { municipality: value.municipality.name })}
              >
                {value.networks.map((network) => (
                  <li key={network.id}>
                    <NetworkRow api={api} network={network} onChanged={load.refresh} />
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('setup.networks.start')}>
            <StartNetworkForm api={api} areas={value.areas} onStarted={load.refresh} />
          </Section>
          <Section title={t('setup.networks.limits')}>
            <Body1 as="p" className={styles.intro}>
              {t('setup.networks.limitsIntro')}
            </Body1>
            <AllyLimitsForm
              key={`${value.limits.allySoftLimit}-${value.limits.allyHardLimit}`}
              api={api}
              municipalityId={value.municipality.id}
              limits={value.limits}
            />
          </Section>
        </>
      )}
    </>
  );
}
