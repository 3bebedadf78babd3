import { Body1, Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ErrorState } from '../../tab/components/error-state.js';
import { LoadingState } from '../../tab/components/loading-state.js';
import { useT } from '../../tab/i18n/use-t.js';
import { AuditTable, type TableFilter } from './audit-table.js';
import type { TrailState } from './use-audit-trail.js';

const useStyles = makeStyles({
  more: { display: 'flex', justifyContent: 'center', gap: tokens.spacingHorizontalM },
});

/** The loaded trail: a spinner, a failure, "nothing found", or the table with "Meer laden" while there is more. */
export function AuditEvents(props: {
  state: TrailState;
  /** True when the API refused the filter with field errors, which the form shows; the list only points there. */
  failedOnFields: boolean;
  onRetry: () => void;
  onLoadMore: () => void;
  onFilter: (filter: TableFilter) => void;
}) {
  const { state, failedOnFields, onRetry, onLoadMore, onFilter } = props;
  const t = useT();
  const styles = useStyles();
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'failed') {
    return failedOnFields ? (
      <Body1>{t('audit.events.fixFilters')}</Body1>
    ) : (
      <ErrorState error={state.error} onRetry={onRetry} />
    );
  }
  if (state.events.length === 0) return <Body1>{t('audit.events.none')}</Body1>;
  return (
    <>
      <AuditTable events={state.events} onFilter={onFilter} />
      {state.moreError !== null && <ErrorState error={state.moreError} onRetry={onLoadMore} />}
      {state.nextBeforeSeq !== null && (
        <div className={styles.more}>
          <Button disabledFocusable={state.loadingMore} onClick={onLoadMore}>
            {t('audit.events.more')}
          </Button>
          {state.loadingMore && <Spinner size="tiny" label={t('app.loading')} />}
        </div>
      )}
    </>
  );
}
