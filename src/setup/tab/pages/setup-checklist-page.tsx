import { Badge, Body1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { SetupStep } from '../../constants.js';
import { getSetupStatus } from '../api/setup-endpoints.js';
import { stepHref } from '../components/step-links.js';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: `${tokens.spacingVerticalXL} 0 0`,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '800px',
  },
  step: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  number: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Beheer → Inrichting: the day-one steps, each done or to do (computed by the server from the data), with links. */
export function SetupChecklistPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('admin.title', { page: t('admin.setup') })} – ${t('app.name')}`);
  const load = useAsync(useCallback(() => getSetupStatus(api), [api]));
  const search = window.location.search;
  return (
    <>
      <AdminHeader page="setup" intro={t('setup.intro')} />
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && (
        <ErrorState title={t('setup.loadFailed')} error={load.state.error} onRetry={load.retry} />
      )}
      {load.state.status === 'done' && (
        <ol className={styles.list} aria-label={t('setup.steps.label')}>
          {load.state.value.steps.map((step, index) => {
            const name = t(`setup.step.${step.key}` as MessageId);
            return (
              <li key={step.key} className={styles.step}>
                <Text className={styles.number} aria-hidden>
                  {index + 1}.
                </Text>
                <div className={styles.text}>
                  <RouterLink href={stepHref(step.key as SetupStep, search)}>{name}</RouterLink>
                  <Body1 className={styles.hint}>{t(`setup.step.${step.key}.hint` as MessageId)}</Body1>
                </div>
                <Badge appearance="tint" color={step.done ? 'success' : 'warning'}>
                  {t(step.done ? 'setup.step.done' : 'setup.step.todo')}
                </Badge>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
