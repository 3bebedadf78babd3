import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../tab/api/client.js';
import { AdminHeader } from '../../tab/components/admin-header.js';
import { useFeedback } from '../../tab/components/feedback.js';
import { useAsync } from '../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../tab/hooks/use-document-title.js';
import { localeFromTag } from '../../tab/i18n/locale.js';
import { useT } from '../../tab/i18n/use-t.js';
import { listAuditActors } from './audit-endpoints.js';
import { AuditEvents } from './audit-events.js';
import { AuditFilters } from './audit-filters.js';
import type { TableFilter } from './audit-table.js';
import { ChainVerdictMessage, useChainCheck } from './chain-check.js';
import { CsvDownload } from './csv-download.js';
import { draftErrorsOf, useAuditFilter } from './use-audit-filter.js';
import { useAuditTrail } from './use-audit-trail.js';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXL,
  },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  // Focus lands on the events heading programmatically (see filterOn); it is not a control, so no ring.
  heading: { margin: 0, ':focus': { outlineStyle: 'none' } },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Beheer – Audittrail: filter and page through the trail, export it as CSV, and check its hash chain. */
export function AuditPage({ api }: { api: ApiClient }) {
  const t = useT();
  const styles = useStyles();
  useDocumentTitle(`${t('admin.title', { page: t('admin.audit') })} – ${t('app.name')}`);
  const intl = useIntl();
  const filters = useAuditFilter();
  const actorsLoad = useAsync(useCallback(() => listAuditActors(api), [api]));
  const actors = useMemo(
    () =>
      actorsLoad.state.status === 'done'
        ? actorsLoad.state.value.actors.map((actor) => ({ value: actor.id, label: actor.displayName }))
        : null,
    [actorsLoad.state],
  );
  const trail = useAuditTrail(api, filters.applied);
  const chain = useChainCheck(api);
  const feedback = useFeedback();
  // The chosen id's button goes away while the narrowed trail loads; the list's heading takes the focus instead.
  const eventsHeading = useRef<HTMLHeadingElement>(null);
  const filterOn = (filter: TableFilter) => {
    if (filters.narrow(filter)) eventsHeading.current?.focus();
  };
  // The API's own field errors (e.g. an object type that is too long) belong under the fields, not above the table.
  const serverErrors = trail.state.status === 'failed' ? draftErrorsOf(trail.state.error) : {};
  const failedOnFields = Object.keys(serverErrors).length > 0;

  return (
    <>
      <AdminHeader page="audit" intro={t('audit.intro')} />
      <section className={styles.section} aria-labelledby="audit-filter-heading">
        <Text as="h2" size={500} weight="semibold" id="audit-filter-heading" className={styles.heading}>
          {t('audit.filter.title')}
        </Text>
        <AuditFilters
          draft={filters.draft}
          errors={{ ...serverErrors, ...filters.errors }}
          actors={actors}
          actorsFailed={actorsLoad.state.status === 'failed'}
          onChange={filters.setDraft}
          onApply={filters.apply}
          onClear={filters.clear}
        />
      </section>
      <section className={styles.section} aria-labelledby="audit-events-heading">
        <div className={styles.toolbar}>
          <Text
            as="h2"
            size={500}
            weight="semibold"
            id="audit-events-heading"
            ref={eventsHeading}
            tabIndex={-1}
            className={styles.heading}
          >
            {t('audit.events.title')}
          </Text>
          <div className={styles.buttons}>
            <CsvDownload
              api={api}
              filter={filters.applied}
              locale={localeFromTag(intl.locale)}
              disabled={failedOnFields}
              onFailure={feedback.fail}
            />
            <Button disabledFocusable={chain.state.status === 'checking'} onClick={chain.check}>
              {t('audit.chain.check')}
            </Button>
          </div>
        </div>
        <div aria-live="polite">
          <ChainVerdictMessage state={chain.state} />
        </div>
        <AuditEvents
          state={trail.state}
          failedOnFields={failedOnFields}
          onRetry={trail.retry}
          onLoadMore={trail.loadMore}
          onFilter={filterOn}
        />
      </section>
      {feedback.toaster}
    </>
  );
}
