import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { type ReactNode, useCallback } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { getAreaOverview } from '../../../tab/api/endpoints.js';
import { AdminHeader } from '../../../tab/components/admin-header.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';

/**
 * A Beheer → Inrichting page: the Beheer header, then the content for the deployment's municipality
 * (one per deployment), or a note that the municipality must be set up first.
 */
export function SetupFrame(props: {
  api: ApiClient;
  title: string;
  /** The page's own name in the h1 ("Beheer – Gemeenschappen"). */
  heading: string;
  intro: string;
  children: (municipalityId: string) => ReactNode;
}) {
  const { api, title, heading, intro, children } = props;
  const t = useT();
  useDocumentTitle(title);
  const load = useCallback(() => getAreaOverview(api), [api]);
  const { state, retry } = useAsync(load);
  const municipalityId = state.status === 'done' ? state.value.municipalities[0]?.id : undefined;
  return (
    <>
      <AdminHeader page="setup" heading={heading} intro={intro} />
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'done' && !municipalityId && (
        <MessageBar intent="info">
          <MessageBarBody>{t('setup.noMunicipality')}</MessageBarBody>
        </MessageBar>
      )}
      {municipalityId && children(municipalityId)}
    </>
  );
}
