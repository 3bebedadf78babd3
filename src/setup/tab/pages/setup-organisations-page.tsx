import { Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { type Feedback, useFeedback } from '../../../tab/components/feedback.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import {
  createOrganisation,
  createRelationType,
  deleteOrganisation,
  deleteRelationType,
  listOrganisations,
  listRelationTypes,
  updateOrganisation,
  updateRelationType,
} from '../api/setup-community-endpoints.js';
import { CatalogueForm } from '../components/catalogue-forms.js';
import { CatalogueItem, useCatalogueListStyles } from '../components/catalogue-item.js';
import { SetupFrame } from '../components/setup-frame.js';

/** Beheer → Inrichting → Organisaties: the organisations and the relation types, two managed lists. */
export function SetupOrganisationsPage({ api }: { api: ApiClient }) {
  const t = useT();
  const feedback = useFeedback();
  const title = `${t('admin.title', { page: t('admin.setupOrganisations') })} – ${t('app.name')}`;
  return (
    <>
      <SetupFrame
        api={api}
        title={title}
        heading={t('admin.setupOrganisations')}
        intro={t('setup.organisations.intro')}
      >
        {(municipalityId) => (
          <>
            <Organisations api={api} municipalityId={municipalityId} feedback={feedback} />
            <RelationTypes api={api} municipalityId={municipalityId} feedback={feedback} />
          </>
        )}
      </SetupFrame>
      {feedback.toaster}
    </>
  );
}

const ORGANISATION_FIELDS = [
  { key: 'name' as const, label: 'setup.organisations.name' as const },
  {
    key: 'kind' as const,
    label: 'setup.organisations.kind' as const,
    hint: 'setup.organisations.kindHint' as const,
  },
];

function Organisations(props: { api: ApiClient; municipalityId: string; feedback: Feedback }) {
  const { api, municipalityId, feedback } = props;
  const t = useT();
  const styles = useCatalogueListStyles();
  const { state, retry, refresh } = useAsync(
    useCallback(() => listOrganisations(api, municipalityId), [api, municipalityId]),
  );
  return (
    <Section title={t('setup.organisations.title')}>
      <Text as="h3" weight="semibold">
        {t('setup.organisations.add')}
      </Text>
      <CatalogueForm
        fields={ORGANISATION_FIELDS}
        initial={{ name: '', kind: '' }}
        submitLabel={t('setup.common.add')}
        resetAfter
        onSubmit={async (values) => {
          const created = await createOrganisation(api, municipalityId, values);
          feedback.succeed(t('setup.communities.created', { name: created.name }));
          await refresh();
        }}
      />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.value.length === 0 && (
        <Text className={styles.muted}>{t('setup.organisations.empty')}</Text>
      )}
      {state.status === 'done' && state.value.length > 0 && (
        <ul className={styles.list} aria-label={t('setup.organisations.title')}>
          {state.value.map((o) => (
            <CatalogueItem
              key={o.id}
              name={o.name}
              details={`${o.kind} · ${t('setup.organisations.usage', o.usage)}`}
              archived={o.archived}
              inUse={o.usage.relations + o.usage.people > 0}
              feedback={feedback}
              onArchive={async (archived) => {
                await updateOrganisation(api, municipalityId, o.id, { archived });
                await refresh();
              }}
              onDelete={async () => {
                await deleteOrganisation(api, municipalityId, o.id);
                await refresh();
              }}
              editForm={(close) => (
                <CatalogueForm
                  fields={ORGANISATION_FIELDS}
                  initial={{ name: o.name, kind: o.kind }}
                  submitLabel={t('setup.common.save')}
                  onCancel={close}
                  onSubmit={async (values) => {
                    await updateOrganisation(api, municipalityId, o.id, values);
                    feedback.succeed(t('setup.communities.saved', { name: values.name }));
                    close();
                    await refresh();
                  }}
                />
              )}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

const RELATION_TYPE_FIELDS = [
  {
    key: 'label' as const,
    label: 'setup.relationTypes.label' as const,
    hint: 'setup.relationTypes.labelHint' as const,
  },
  {
    key: 'inverseLabel' as const,
    label: 'setup.relationTypes.inverseLabel' as const,
    hint: 'setup.relationTypes.inverseLabelHint' as const,
  },
];

function RelationTypes(props: { api: ApiClient; municipalityId: string; feedback: Feedback }) {
  const { api, municipalityId, feedback } = props;
  const t = useT();
  const styles = useCatalogueListStyles();
  const { state, retry, refresh } = useAsync(
    useCallback(() => listRelationTypes(api, municipalityId), [api, municipalityId]),
  );
  return (
    <Section title={t('setup.relationTypes.title')}>
      <Text as="h3" weight="semibold">
        {t('setup.relationTypes.add')}
      </Text>
      <CatalogueForm
        fields={RELATION_TYPE_FIELDS}
        initial={{ label: '', inverseLabel: '' }}
        targetKind
        submitLabel={t('setup.common.add')}
        resetAfter
        onSubmit={async ({ targetKind, ...labels }) => {
          const created = await createRelationType(api, municipalityId, {
            ...labels,
            targetKind: targetKind ?? 'organisation',
          });
          feedback.succeed(t('setup.communities.created', { name: created.label }));
          await refresh();
        }}
      />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' && state.value.length === 0 && (
        <Text className={styles.muted}>{t('setup.relationTypes.empty')}</Text>
      )}
      {state.status === 'done' && state.value.length > 0 && (
        <ul className={styles.list} aria-label={t('setup.relationTypes.title')}>
          {state.value.map((r) => (
            <CatalogueItem
              key={r.id}
              name={`${r.label} / ${r.inverseLabel}`}
              details={`${t(`setup.relationTypes.target.${r.targetKind}`)} · ${t('setup.relationTypes.usage', r.usage)}`}
              archived={r.archived}
              inUse={r.usage.relations > 0}
              feedback={feedback}
              onArchive={async (archived) => {
                await updateRelationType(api, municipalityId, r.id, { archived });
                await refresh();
              }}
              onDelete={async () => {
                await deleteRelationType(api, municipalityId, r.id);
                await refresh();
              }}
              editForm={(close) => (
                <CatalogueForm
                  fields={RELATION_TYPE_FIELDS}
                  initial={{ label: r.label, inverseLabel: r.inverseLabel }}
                  submitLabel={t('setup.common.save')}
                  onCancel={close}
                  onSubmit={async (values) => {
                    await updateRelationType(api, municipalityId, r.id, values);
                    feedback.succeed(t('setup.communities.saved', { name: values.label }));
                    close();
                    await refresh();
                  }}
                />
              )}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}
