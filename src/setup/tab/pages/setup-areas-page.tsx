import { Body1, makeStyles, Text, tokens } from '@fluentui/react-components';
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
import { listAreas, listMunicipalities, type ManagedArea } from '../api/setup-endpoints.js';
import { AddDistrictForm, AddWijkForm } from '../components/add-area-forms.js';
import { AreaRow } from '../components/area-row.js';
import { BackToChecklist } from '../components/back-to-checklist.js';
import { WijkImport } from '../components/wijk-import.js';
import { setupHref } from '../setup-routes.js';

const useStyles = makeStyles({
  districts: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  wijken: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalS} 0 0 ${tokens.spacingHorizontalXL}`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
});

/** The districts with their wijken, each with its actions. */
function AreaTree(props: {
  api: ApiClient;
  municipalityId: string;
  areas: ManagedArea[];
  onChanged: () => Promise<void>;
}) {
  const { api, municipalityId, areas, onChanged } = props;
  const t = useT();
  const styles = useStyles();
  const districts = areas.filter((area) => area.kind === 'district');
  const active = districts.filter((district) => !district.archived);
  if (districts.length === 0) return <Body1 className={styles.muted}>{t('setup.areas.empty')}</Body1>;
  return (
    <ul className={styles.districts}>
      {districts.map((district) => {
        const wijken = areas.filter((area) => area.parentId === district.id);
        return (
          <li key={district.id} aria-label={t('setup.areas.district', { name: district.name })}>
            <AreaRow
              api={api}
              municipalityId={municipalityId}
              area={district}
              districts={active}
              onChanged={onChanged}
            />
            {wijken.length === 0 ? (
              <Body1 className={styles.muted}>{t('setup.areas.noWijken')}</Body1>
            ) : (
              <ul className={styles.wijken}>
                {wijken.map((wijk) => (
                  <li key={wijk.id}>
                    <AreaRow
                      api={api}
                      municipalityId={municipalityId}
                      area={wijk}
                      districts={active}
                      onChanged={onChanged}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Beheer → Inrichting → Gebieden: districts and wijken by hand or imported from a CBS list. */
export function SetupAreasPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('admin.title', { page: t('setup.areas.title') })} – ${t('app.name')}`);
  const load = useAsync(
    useCallback(async () => {
      const [municipality] = await listMunicipalities(api);
      return municipality ? { municipality, areas: await listAreas(api, municipality.id) } : null;
    }, [api]),
  );
  const value = load.state.status === 'done' ? load.state.value : null;
  return (
    <>
      <AdminHeader page="setup" heading={t('setup.areas.title')} intro={t('setup.areas.intro')} />
      <BackToChecklist />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <ErrorState title={t('setup.loadFailed')} error={load.state.error} onRetry={load.retry} />
      )}
      {load.state.status === 'done' && value === null && (
        <Body1>
          <RouterLink href={setupHref('municipality', window.location.search)}>
            {t('setup.areas.noMunicipality')}
          </RouterLink>
        </Body1>
      )}
      {value && (
        <>
          <Section title={t('setup.areas.title')}>
            <Text as="p" className={styles.heading}>
              {value.municipality.name} ({value.municipality.cbsCode})
            </Text>
            <AreaTree
              api={api}
              municipalityId={value.municipality.id}
              areas={value.areas}
              onChanged={load.refresh}
            />
          </Section>
          <Section title={t('setup.areas.addDistrict')}>
            <AddDistrictForm api={api} municipalityId={value.municipality.id} onAdded={load.refresh} />
          </Section>
          <Section title={t('setup.areas.addWijk')}>
            <AddWijkForm
              api={api}
              municipalityId={value.municipality.id}
              districts={value.areas.filter((area) => area.kind === 'district')}
              onAdded={load.refresh}
            />
          </Section>
          <Section title={t('setup.import.title')}>
            <WijkImport
              api={api}
              municipalityId={value.municipality.id}
              districts={value.areas.filter((area) => area.kind === 'district')}
              onImported={load.refresh}
            />
          </Section>
        </>
      )}
    </>
  );
}
