import { Body1, Button, makeStyles, Title1, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldProblemsOf } from '../../../tab/components/field-errors.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { type ClosedCallOutsQuery, listClosedCallOuts } from '../api/call-out-endpoints.js';
import { callOutListHref } from '../call-out-routes.js';
import {
  type ClosedCallOutDraft,
  ClosedCallOutFilters,
  emptyClosedCallOutDraft,
} from '../components/closed-call-out-filters.js';
import { ClosedCallOutsTable } from '../components/closed-call-outs-table.js';

const useStyles = makeStyles({
  back: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  title: { margin: 0 },
  intro: { display: 'block', margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}` },
  results: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXL,
  },
  pager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The query of a draft: empty filters left out, from the first page. */
function queryOf(draft: ClosedCallOutDraft, page = 1): ClosedCallOutsQuery {
  return {
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
    ...(draft.kind ? { kind: draft.kind } : {}),
    ...(draft.networkId ? { networkId: draft.networkId } : {}),
    page,
  };
}

/** The user's networks by name, once each, for the network filter. */
function networksOf(me: Me): { id: string; name: string }[] {
  const byId = new Map(me.roles.map((role) => [role.networkId, role.networkName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * "Afgesloten crisisoproepen" (`/crisisoproepen/afgesloten`): closed call-outs the user may see (issue 15 item 5),
 * filtered by period, kind and network, a page at a time. A reversed period is named before anything is sent.
 */
export function CallOutClosedPage({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(`${t('callOutClosed.title')} – ${t('app.name')}`);
  const [draft, setDraft] = useState<ClosedCallOutDraft>(emptyClosedCallOutDraft);
  const [query, setQuery] = useState<ClosedCallOutsQuery>({ page: 1 });
  const [reversed, setReversed] = useState(false);
  const { state, retry } = useAsync(useCallback(() => listClosedCallOuts(api, query), [api, query]));

  const search = () => {
    const wrongWay = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
    setReversed(wrongWay);
    if (!wrongWay) setQuery(queryOf(draft));
  };
  const clear = () => {
    setDraft(emptyClosedCallOutDraft);
    setReversed(false);
    setQuery({ page: 1 });
  };
  const serverErrors = state.status === 'failed' ? fieldProblemsOf(state.error) : {};
  const errors = {
    ...(serverErrors['query.from'] ? { from: t('callOutClosed.error.date') } : {}),
    ...(serverErrors['query.to'] ? { to: t('callOutClosed.error.date') } : {}),
    ...(reversed
      ? {
          to: t('callOutClosed.error.reversed', {
            from: intl.formatDate(`${draft.from}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' }),
          }),
        }
      : {}),
  };
  const placed = Object.keys(errors).length > 0;

  return (
    <>
      <RouterLink href={callOutListHref(window.location.search)} className={styles.back}>
        {t('callOutClosed.back')}
      </RouterLink>
      <Title1 as="h1" className={styles.title}>
        {t('callOutClosed.title')}
      </Title1>
      <Body1 className={styles.intro}>{t('callOutClosed.intro')}</Body1>
      <ClosedCallOutFilters
        draft={draft}
        onChange={setDraft}
        onSearch={search}
        onClear={clear}
        networks={networksOf(me)}
        errors={errors}
        busy={state.status === 'loading'}
      />
      <div className={styles.results} aria-live="polite">
        {state.status === 'loading' && <LoadingState />}
        {state.status === 'failed' && !placed && (
          <ErrorState title={t('callOutClosed.failed')} error={state.error} onRetry={retry} />
        )}
        {state.status === 'done' && !reversed && (
          <>
            <Body1>{t('callOutClosed.count', { count: state.value.total })}</Body1>
            {state.value.items.length > 0 && (
              <ClosedCallOutsTable callOuts={state.value.items} label={t('callOutClosed.title')} />
            )}
            <Pager
              page={state.value.page}
              pages={Math.max(1, Math.ceil(state.value.total / state.value.pageSize))}
              onPage={(page) => setQuery({ ...query, page })}
            />
          </>
        )}
      </div>
    </>
  );
}

/** Previous and next page, and where the user is; hidden when everything fits on one page. */
function Pager(props: { page: number; pages: number; onPage: (page: number) => void }) {
  const t = useT();
  const styles = useStyles();
  if (props.pages <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={t('callOutClosed.pages')}>
      <Button disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('callOutClosed.previous')}
      </Button>
      <Body1>{t('callOutClosed.page', { page: props.page, pages: props.pages })}</Body1>
      <Button disabled={props.page >= props.pages} onClick={() => props.onPage(props.page + 1)}>
        {t('callOutClosed.next')}
      </Button>
    </nav>
  );
}
