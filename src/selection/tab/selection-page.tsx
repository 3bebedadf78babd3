import {
  Body1,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { ApiError } from '../../tab/api/api-error.js';
import type { ApiClient } from '../../tab/api/client.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { Section } from '../../tab/components/section.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { useT } from '../../tab/i18n/use-t.js';
import { MessagePage } from '../../tab/pages/message-page.js';
import { networkHref } from '../../tab/routing/network-paths.js';
import { RouterLink } from '../../tab/routing/router-link.js';
import { usePathname } from '../../tab/routing/use-pathname.js';
import { CandidatePanel } from './candidate-panel.js';
import { ProposeForm } from './propose-form.js';
import { getSelection } from './selection-endpoints.js';
import { selectionFromPath } from './selection-routes.js';
import { useSelectionStyles } from './selection-styles.js';

/** Selectie (`/netwerken/{id}/selectie`): candidates, matching, joint review, home visit and the decision. */
export function SelectionPage({ api }: { api: ApiClient }) {
  const networkId = selectionFromPath(usePathname())?.networkId ?? '';
  const t = useT();
  const styles = useSelectionStyles();
  const load = useCallback(() => getSelection(api, networkId), [api, networkId]);
  const { state, retry, refresh } = useAsync(load);
  const [openId, setOpenId] = useState<string | null>(null);
  // Bumped on every change, so the open panel reloads its candidate (status, approvals) after an action.
  const [changes, setChanges] = useState(0);
  const feedback = useFeedback();
  const name = state.status === 'done' ? state.value.network.name : null;
  useDocumentTitle(
    `${name ? t('selection.pageTitle', { network: name }) : t('selection.title')} – ${t('app.name')}`,
  );
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') {
    // Secretaries, viewers and administrators as such do not take part in selection: say so, under a heading.
    const refused = state.error instanceof ApiError && state.error.status === 403;
    return (
      <MessagePage title={refused ? t('noAccess.title') : t('selection.title')}>
        {refused ? (
          <Body1>{t('selection.noAccess')}</Body1>
        ) : (
          <ErrorState error={state.error} onRetry={retry} />
        )}
        <Body1>
          <RouterLink href={networkHref(networkId, window.location.search)}>
            {t('selection.backUnnamed')}
          </RouterLink>
        </Body1>
      </MessagePage>
    );
  }
  const overview = state.value;
  return (
    <div className={styles.page}>
      {feedback.toaster}
      <Body1>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {t('selection.back', { network: overview.network.name })}
        </RouterLink>
      </Body1>
      <Title1 as="h1">{t('selection.pageTitle', { network: overview.network.name })}</Title1>
      <Body1 className={styles.hint}>{t('selection.intro')}</Body1>
      <Body1>{t('selection.growth', { allies: overview.allies, ...overview.limits })}</Body1>
      {overview.myParty ? (
        <ProposeForm
          api={api}
          overview={overview}
          onProposed={async (candidate) => {
            feedback.succeed(t('selection.proposed', { name: candidate.displayName }));
            setOpenId(candidate.id);
            await refresh();
          }}
        />
      ) : (
        <Body1>{t('selection.noParty')}</Body1>
      )}
      <Section title={t('selection.list.title')}>
        {overview.candidates.length === 0 ? (
          <Body1>{t('selection.list.empty')}</Body1>
        ) : (
          <Table aria-label={t('selection.list.title')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('selection.col.name')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.wijk')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.status')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.proposedBy')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.matches')}</TableHeaderCell>
                <TableHeaderCell>{t('selection.col.approvals')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.candidates.map((candidate) => (
                <TableRow key={candidate.id}>
                  <TableCell>
                    <Button
                      appearance="transparent"
                      aria-label={t('selection.open', { name: candidate.displayName })}
                      onClick={() => setOpenId(candidate.id)}
                    >
                      {candidate.displayName}
                    </Button>
                  </TableCell>
                  <TableCell>{candidate.neighbourhood?.name ?? ''}</TableCell>
                  <TableCell>
                    {t('selection.status', { status: candidate.status })}
                    {candidate.admittedBeforePipeline ? ` (${t('selection.beforePipeline')})` : ''}
                  </TableCell>
                  <TableCell>
                    {candidate.proposedBy.map((p) => t('selection.party', { party: p.party })).join(', ')}
                  </TableCell>
                  <TableCell>{candidate.openMatches}</TableCell>
                  <TableCell>
                    {candidate.approvals.map((party) => t('selection.party', { party })).join(', ')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {openId && (
        <CandidatePanel
          key={`${openId}:${changes}`}
          api={api}
          overview={overview}
          candidateId={openId}
          onChanged={async (shownId, text) => {
            feedback.succeed(text);
            setOpenId(shownId);
            setChanges((n) => n + 1);
            await refresh();
          }}
          onFailed={(error) => feedback.fail(t('selection.failed'), error)}
          onClose={() => setOpenId(null)}
        />
      )}
    </div>
  );
}
