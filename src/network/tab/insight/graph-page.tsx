import {
  Body1,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { personHref } from '../../../tab/routing/network-paths.js';
import { navigate } from '../../../tab/routing/use-pathname.js';
import { getCoverage, getGraph } from '../api/insight-endpoints.js';
import { GraphCanvas } from './graph-canvas.js';
import { GraphList, KindLabel } from './graph-list.js';
import { filterGraph, type GraphFilter, type NodeKind } from './graph-model.js';
import { InsightHeader } from './insight-header.js';
import { loadCytoscape } from './load-cytoscape.js';
import { useNetwork } from './use-network.js';

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalXL,
  },
  select: { minWidth: '220px' },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalM} 0`,
    padding: 0,
    listStyleType: 'none',
  },
  dashed: {
    display: 'inline-block',
    width: '28px',
    marginInlineEnd: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    borderTop: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralForegroundDisabled}`,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const legendKinds: readonly NodeKind[] = [
  'ally',
  'key_figure',
  'former_ally',
  'former_key_figure',
  'community',
  'organisation',
];

/** Loads the graph and the wijken (for their names) together. */
function useGraphData(api: ApiClient, networkId: string) {
  return useAsync(
    useCallback(async () => {
      // The drawing's module comes alongside the data; the canvas reports a failed load (it takes the same promise).
      loadCytoscape().catch(() => undefined);
      const [graph, coverage] = await Promise.all([getGraph(api, networkId), getCoverage(api, networkId)]);
      return { graph, neighbourhoods: coverage.neighbourhoods };
    }, [api, networkId]),
  );
}

/** Netwerkgraaf: the drawing (cytoscape) beside a complete, keyboard-friendly list, both with the same filters. */
export function GraphPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const network = useNetwork(api, networkId);
  const load = useGraphData(api, networkId);
  const [filter, setFilter] = useState<GraphFilter>({ neighbourhoodId: null, communityId: null });
  const [canvasFailed, setCanvasFailed] = useState(false);
  const data = load.state.status === 'done' ? load.state.value : null;
  const shown = useMemo(() => (data ? filterGraph(data.graph, filter) : null), [data, filter]);
  const neighbourhoodNames = useMemo(
    () => new Map((data?.neighbourhoods ?? []).map((wijk) => [wijk.id, wijk.name])),
    [data],
  );
  const communities = useMemo(
    () =>
      (data?.graph.nodes ?? [])
        .filter((node) => node.kind === 'community')
        .map((node) => ({ id: node.communityIds[0] ?? '', name: node.label }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [data],
  );
  const openPerson = useCallback(
    (personId: string) => navigate(personHref(personId, window.location.search)),
    [],
  );
  const onCanvasFailed = useCallback(() => setCanvasFailed(true), []);

  return (
    <>
      <InsightHeader
        networkId={networkId}
        networkName={network.name}
        title="graph.title"
        intro={t('graph.intro')}
      />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && <ErrorState error={load.state.error} onRetry={load.retry} />}
      {data && shown && (
        <>
          <div className={styles.filters}>
            <Field label={t('graph.wijk')}>
              <Select
                className={styles.select}
                value={filter.neighbourhoodId ?? ''}
                onChange={(_event, option) =>
                  setFilter((current) => ({ ...current, neighbourhoodId: option.value || null }))
                }
              >
                <option value="">{t('graph.all')}</option>
                {data.neighbourhoods.map((wijk) => (
                  <option key={wijk.id} value={wijk.id}>
                    {wijk.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('graph.community')}>
              <Select
                className={styles.select}
                value={filter.communityId ?? ''}
                onChange={(_event, option) =>
                  setFilter((current) => ({ ...current, communityId: option.value || null }))
                }
              >
                <option value="">{t('graph.all')}</option>
                {communities.map((community) => (
                  <option key={community.id} value={community.id}>
                    {community.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Body1 className={styles.muted} aria-live="polite">
              {t('graph.shown', { count: shown.nodes.length, total: data.graph.nodes.length })}
            </Body1>
          </div>
          <ul className={styles.legend} aria-label={t('graph.legend')}>
            {legendKinds.map((kind) => (
              <li key={kind}>
                <KindLabel kind={kind} />
              </li>
            ))}
            <li>
              <span className={styles.dashed} aria-hidden />
              {t('graph.endedRelation')}
            </li>
          </ul>
          <Body1 className={styles.muted}>
            {t('graph.canvasDescription', { nodes: shown.nodes.length })}
          </Body1>
          {canvasFailed ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t('graph.loadFailed')}</MessageBarBody>
            </MessageBar>
          ) : (
            <GraphCanvas graph={shown} onOpenPerson={openPerson} onFailed={onCanvasFailed} />
          )}
          <section className={styles.section} aria-labelledby="graph-list-heading">
            <Text as="h2" size={500} weight="semibold" id="graph-list-heading" className={styles.heading}>
              {t('graph.list.title')}
            </Text>
            {shown.nodes.length === 0 ? (
              <Body1>{t('graph.list.none')}</Body1>
            ) : (
              <GraphList graph={shown} neighbourhoodNames={neighbourhoodNames} />
            )}
          </section>
        </>
      )}
    </>
  );
}
