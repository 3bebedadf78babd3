import { Body1, makeStyles, Text, Title1, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import { DistrictCard } from '../../network/tab/components/district-card.js';
import type { ApiClient } from '../api/client.js';
import { type AreaOverview, getAreaOverview, type Me } from '../api/endpoints.js';
import { ErrorState } from '../components/error-state.js';
import { LoadingState } from '../components/loading-state.js';
import { OverviewCallOuts } from '../components/overview-call-outs.js';
import { useAsync } from '../hooks/use-async.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { useT } from '../i18n/use-t.js';

const useStyles = makeStyles({
  title: { margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
  municipality: { marginTop: tokens.spacingVerticalXXL },
  municipalityName: { margin: 0 },
  summary: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
  },
  feedback: { marginTop: tokens.spacingVerticalXL },
});

type Municipality = AreaOverview['municipalities'][number];

function MunicipalitySection({ municipality }: { municipality: Municipality }) {
  const t = useT();
  const styles = useStyles();
  const withNetwork = municipality.districts.filter((district) => district.networks.length > 0).length;
  return (
    <section className={styles.municipality} aria-labelledby={`municipality-${municipality.id}`}>
      <Text
        as="h2"
        size={600}
        weight="semibold"
        id={`municipality-${municipality.id}`}
        className={styles.municipalityName}
      >
        {municipality.name}
      </Text>
      <Body1 className={styles.summary}>
        {t('overview.summary', {
          districts: municipality.districts.length,
          withNetwork,
          withoutNetwork: municipality.districts.length - withNetwork,
        })}
      </Body1>
      <div className={styles.grid}>
        {municipality.districts.map((district) => (
          <DistrictCard key={district.id} district={district} />
        ))}
      </div>
    </section>
  );
}

/** "Netwerkkaart – overzicht": per municipality, every district with its neighbourhoods and networks. */
export function OverviewPage({ api, me }: { api: ApiClient; me?: Me }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(t('overview.documentTitle'));
  const { state, retry } = useAsync(useCallback(() => getAreaOverview(api), [api]));

  return (
    <>
      <Title1 as="h1" className={styles.title}>
        {t('overview.title')}
      </Title1>
      <Body1 className={styles.intro}>{t('overview.intro')}</Body1>
      {me && <OverviewCallOuts api={api} me={me} />}
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && (
        <div className={styles.feedback}>
          <ErrorState error={state.error} onRetry={retry} />
        </div>
      )}
      {state.status === 'done' &&
        (state.value.municipalities.length === 0 ? (
          <Body1 className={styles.feedback}>{t('overview.noMunicipalities')}</Body1>
        ) : (
          state.value.municipalities.map((municipality) => (
            <MunicipalitySection key={municipality.id} municipality={municipality} />
          ))
        ))}
    </>
  );
}
