import { Badge, Body1, makeStyles, Switch, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { type Coverage, getCoverage, setRelevance } from '../api/insight-endpoints.js';
import { CoverageStatusBadge, GapBadge } from './coverage-badges.js';
import { relevanceAfterToggle, withRelevance } from './coverage-matrix.js';
import { CoverageTable } from './coverage-table.js';
import { InsightHeader } from './insight-header.js';
import { useNetwork } from './use-network.js';

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
    marginBottom: tokens.spacingVerticalM,
  },
  legend: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

function Legend() {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.legend}>
      <Text className={styles.muted}>{t('coverage.legend')}:</Text>
      <CoverageStatusBadge cell={{ status: 'ally', allies: 1 }} />
      <CoverageStatusBadge cell={{ status: 'key-figure', allies: 0 }} />
      <CoverageStatusBadge cell={{ status: 'none', allies: 0 }} />
      <GapBadge />
    </div>
  );
}

/** Dekking: communities × wijken with the gaps; coordinators mark which communities matter in each wijk. */
export function CoveragePage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const network = useNetwork(api, networkId);
  const load = useAsync(useCallback(() => getCoverage(api, networkId), [api, networkId]));
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [onlyRelevant, setOnlyRelevant] = useState(false);
  const [editing, setEditing] = useState(false);
  const feedback = useFeedback();
  useEffect(() => {
    if (load.state.status === 'done') setCoverage(load.state.value);
  }, [load.state]);

  const toggle = async (neighbourhoodId: string, communityId: string, relevant: boolean) => {
    if (!coverage) return;
    const wijk = coverage.neighbourhoods.find((item) => item.id === neighbourhoodId)?.name ?? '';
    const communityIds = relevanceAfterToggle(coverage, neighbourhoodId, communityId, relevant);
    // The checkbox follows the click at once; the server's matrix (with the new gap count) replaces it when it answers.
    setCoverage(withRelevance(coverage, neighbourhoodId, communityId, relevant));
    try {
      setCoverage(await setRelevance(api, networkId, neighbourhoodId, communityIds));
      feedback.succeed(t('coverage.relevanceSaved', { wijk }));
    } catch (error) {
      setCoverage(coverage);
      feedback.fail(t('coverage.relevanceFailed', { wijk }), error);
    }
  };

  return (
    <>
      <InsightHeader
        networkId={networkId}
        networkName={network.name}
        title="coverage.title"
        intro={t('coverage.intro')}
      />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && <ErrorState error={load.state.error} onRetry={load.retry} />}
      {coverage && (
        <>
          <div className={styles.summary}>
            <Badge
              size="extra-large"
              appearance={coverage.gaps > 0 ? 'filled' : 'tint'}
              color={coverage.gaps > 0 ? 'danger' : 'success'}
            >
              <span aria-live="polite">{t('coverage.gaps', { count: coverage.gaps })}</span>
            </Badge>
            <Body1 className={styles.muted}>{t('coverage.gapsHelp')}</Body1>
          </div>
          <div className={styles.toolbar}>
            <Switch
              checked={onlyRelevant && !editing}
              disabled={editing}
              label={t('coverage.onlyRelevant')}
              onChange={(_event, data) => setOnlyRelevant(data.checked)}
            />
            {network.isCoordinator && (
              <ToggleButton checked={editing} onClick={() => setEditing((value) => !value)}>
                {t('coverage.editRelevance')}
              </ToggleButton>
            )}
          </div>
          {editing && <Body1 className={styles.muted}>{t('coverage.editHelp')}</Body1>}
          <Legend />
          {coverage.neighbourhoods.length === 0 ? (
            <Body1>{t('coverage.noNeighbourhoods')}</Body1>
          ) : (
            <CoverageTable
              coverage={coverage}
              networkName={network.name ?? ''}
              onlyRelevant={onlyRelevant}
              editing={editing}
              onToggle={toggle}
            />
          )}
        </>
      )}
      {feedback.toaster}
    </>
  );
}
