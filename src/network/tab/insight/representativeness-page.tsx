import { Body1, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  type Coverage,
  type Dimension,
  getCoverage,
  getRepresentativeness,
  type Representativeness,
  setTargetProfile,
} from '../api/insight-endpoints.js';
import { DimensionTable } from './dimension-table.js';
import { InsightHeader } from './insight-header.js';
import { TargetEditor } from './target-editor.js';
import { useNetwork } from './use-network.js';

const dimensionMessage: Record<Dimension, MessageId> = {
  age_band: 'representativeness.dimension.age_band',
  gender: 'representativeness.dimension.gender',
  community: 'representativeness.dimension.community',
};

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXXL,
  },
  heading: { margin: 0 },
  headingLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  note: { display: 'block', marginTop: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
});

/** Loads the afspiegeling and the communities (for their names) together. */
function useInsight(api: ApiClient, networkId: string) {
  return useAsync(
    useCallback(async () => {
      const [representativeness, coverage] = await Promise.all([
        getRepresentativeness(api, networkId),
        getCoverage(api, networkId),
      ]);
      return { representativeness, communities: coverage.communities };
    }, [api, networkId]),
  );
}

function DimensionSection(props: {
  dimension: Representativeness['dimensions'][number];
  communities: Coverage['communities'];
  canEdit: boolean;
  onSave: (dimension: Dimension, targets: { value: string; share: number }[]) => Promise<void>;
}) {
  const { dimension, communities, canEdit, onSave } = props;
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const name = t(dimensionMessage[dimension.dimension]);
  const headingId = `dimension-${dimension.dimension}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.headingLine}>
        <Text as="h2" size={500} weight="semibold" id={headingId} className={styles.heading}>
          {name}
        </Text>
        {canEdit && !editing && (
          <Button
            onClick={() => setEditing(true)}
          >{`${t('representativeness.editTargets')}: ${name}`}</Button>
        )}
      </div>
      {editing && (
        <TargetEditor
          dimension={dimension.dimension}
          rows={dimension.rows}
          communities={communities}
          onSave={async (targets) => {
            await onSave(dimension.dimension, targets);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <DimensionTable
        dimension={dimension.dimension}
        rows={dimension.rows}
        communities={communities}
        caption={t('representativeness.caption', { dimension: name })}
        dimensionName={name}
        onSetTarget={canEdit && !editing ? () => setEditing(true) : undefined}
      />
    </section>
  );
}

/** Afspiegeling: per dimension the allies' mix next to the target; coordinators set the target profile. */
export function RepresentativenessPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  const network = useNetwork(api, networkId);
  const load = useInsight(api, networkId);
  const [current, setCurrent] = useState<Representativeness | null>(null);
  const feedback = useFeedback();
  useEffect(() => {
    if (load.state.status === 'done') setCurrent(load.state.value.representativeness);
  }, [load.state]);
  const communities = load.state.status === 'done' ? load.state.value.communities : [];

  const save = async (dimension: Dimension, targets: { value: string; share: number }[]) => {
    // A refusal (e.g. shares over 100%) propagates to the editor, which shows it next to the fields.
    setCurrent(await setTargetProfile(api, networkId, dimension, targets));
    feedback.succeed(t('representativeness.targetsSaved', { dimension: t(dimensionMessage[dimension]) }));
  };

  return (
    <>
      <InsightHeader
        networkId={networkId}
        networkName={network.name}
        title="representativeness.title"
        intro={current ? t('representativeness.intro', { total: current.total }) : undefined}
      />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && <ErrorState error={load.state.error} onRetry={load.retry} />}
      {current && (
        <>
          {current.dimensions.map((dimension) => (
            <DimensionSection
              key={dimension.dimension}
              dimension={dimension}
              communities={communities}
              canEdit={network.isCoordinator}
              onSave={save}
            />
          ))}
          <Body1 className={styles.note}>{t('representativeness.sharesNote')}</Body1>
        </>
      )}
      {feedback.toaster}
    </>
  );
}
