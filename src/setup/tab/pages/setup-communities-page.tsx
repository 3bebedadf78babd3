import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { type Feedback, useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  createCommunity,
  listCommunities,
  type ManagedCommunity,
  updateCommunity,
} from '../api/setup-community-endpoints.js';
import { CommunityForm, type CommunityValues } from '../components/community-form.js';
import { SetupFrame } from '../components/setup-frame.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '800px',
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { flexGrow: 1, minWidth: '160px' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Beheer → Inrichting → Gemeenschappen: the managed list with each community's kind and observance traditions. */
export function SetupCommunitiesPage({ api }: { api: ApiClient }) {
  const t = useT();
  const title = `${t('admin.title', { page: t('admin.setupCommunities') })} – ${t('app.name')}`;
  return (
    <SetupFrame
      api={api}
      title={title}
      heading={t('admin.setupCommunities')}
      intro={t('setup.communities.intro')}
    >
      {(municipalityId) => <CommunityList api={api} municipalityId={municipalityId} />}
    </SetupFrame>
  );
}

function CommunityList({ api, municipalityId }: { api: ApiClient; municipalityId: string }) {
  const t = useT();
  const styles = useStyles();
  const feedback = useFeedback();
  const { state, retry, refresh } = useAsync(
    useCallback(() => listCommunities(api, municipalityId), [api, municipalityId]),
  );
  const add = async (values: CommunityValues) => {
    const created = await createCommunity(api, municipalityId, values);
    feedback.succeed(t('setup.communities.created', { name: created.name }));
    await refresh();
  };
  const withoutTradition =
    state.status === 'done' ? state.value.filter((c) => c.warnings.includes('no-tradition')).length : 0;
  return (
    <>
      <Section title={t('setup.communities.add')}>
        <CommunityForm idPrefix="new-community" submitLabel={t('setup.common.add')} onSubmit={add} />
      </Section>
      <Section title={t('setup.communities.list')}>
        {withoutTradition > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t('setup.communities.warningSummary', { count: withoutTradition })}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'loading' && <LoadingState />}
        {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
        {state.status === 'done' && state.value.length === 0 && (
          <Text className={styles.muted}>{t('setup.communities.empty')}</Text>
        )}
        {state.status === 'done' && state.value.length > 0 && (
          <ul className={styles.list}>
            {state.value.map((community) => (
              <CommunityItem
                key={community.id}
                community={community}
                onChange={async (change) => {
                  await updateCommunity(api, municipalityId, community.id, change);
                  await refresh();
                }}
                feedback={feedback}
              />
            ))}
          </ul>
        )}
      </Section>
      {feedback.toaster}
    </>
  );
}

function CommunityItem(props: {
  community: ManagedCommunity;
  onChange: (change: Partial<CommunityValues> & { archived?: boolean }) => Promise<void>;
  feedback: Feedback;
}) {
  const { community, onChange, feedback } = props;
  const t = useT();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const archive = async () => {
    setBusy(true);
    try {
      await onChange({ archived: !community.archived });
      feedback.succeed(t('setup.communities.saved', { name: community.name }));
    } catch (error) {
      feedback.fail(t('setup.common.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={styles.item}>
      <div className={styles.row}>
        <Text weight="semibold" className={styles.name}>
          {community.name}
        </Text>
        <div className={styles.badges}>
          <Badge appearance="outline">{t(`setup.communities.kind.${community.category}`)}</Badge>
          {community.traditions.map((tradition) => (
            <Badge key={tradition} appearance="tint" color="informative">
              {t(`setup.tradition.short.${tradition}`)}
            </Badge>
          ))}
          {community.warnings.includes('no-tradition') && (
            <Badge appearance="filled" color="warning">
              {t('setup.communities.warning.noTradition')}
            </Badge>
          )}
          {community.archived && <Badge appearance="tint">{t('setup.communities.archived')}</Badge>}
        </div>
        <Button
          size="small"
          onClick={() => setEditing((e) => !e)}
          aria-expanded={editing}
          aria-label={t('setup.common.editLabel', { name: community.name })}
        >
          {t('setup.common.edit')}
        </Button>
        <Button
          size="small"
          disabled={busy}
          onClick={archive}
          aria-label={t(community.archived ? 'setup.common.restoreLabel' : 'setup.common.archiveLabel', {
            name: community.name,
          })}
        >
          {t(community.archived ? 'setup.common.restore' : 'setup.common.archive')}
        </Button>
      </div>
      {community.archived && <Text className={styles.muted}>{t('setup.common.archivedNote')}</Text>}
      {editing && (
        <CommunityForm
          idPrefix={`community-${community.id}`}
          initial={{ name: community.name, category: community.category, traditions: community.traditions }}
          submitLabel={t('setup.common.save')}
          onCancel={() => setEditing(false)}
          onSubmit={async (values) => {
            await onChange(values);
            feedback.succeed(t('setup.communities.saved', { name: values.name }));
            setEditing(false);
          }}
        />
      )}
    </li>
  );
}
