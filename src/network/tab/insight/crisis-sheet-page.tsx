import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { networkHref } from '../../../tab/routing/network-paths.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { type CrisisSheet, getCrisisSheet } from '../api/insight-endpoints.js';
import { warningText } from '../people/person-labels.js';
import { useCrisisPrintStyles } from './crisis-print-styles.js';
import { CrisisContactTable, CrisisStaffTable } from './crisis-tables.js';
import { reachabilityWarnings } from './reachability.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { '@media print': { display: 'none' } },
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { display: 'block', margin: 0, '@media print': { fontSize: '18pt', lineHeight: '1.2' } },
  meta: {
    display: 'block',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    color: tokens.colorNeutralForeground2,
  },
  section: { '@media print': { marginTop: '4mm' } },
  empty: { color: tokens.colorNeutralForeground2 },
  // On paper the notice stays as one plain line: whoever finds the sheet learns it must be destroyed.
  printNotice: {
    display: 'none',
    '@media print': { display: 'block', fontWeight: tokens.fontWeightSemibold },
  },
});

function Sheet({ sheet }: { sheet: CrisisSheet }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const generated = intl.formatDate(sheet.generatedAt, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <>
      <div className={styles.top}>
        <div>
          <Title1 as="h1" className={styles.title}>
            {t('insight.pageTitle', { page: t('crisis.title'), network: sheet.network.name })}
          </Title1>
          <Body1 className={styles.meta} as="p">
            {sheet.municipality} ·{' '}
            <time dateTime={sheet.generatedAt}>{t('crisis.generated', { time: generated })}</time>
          </Body1>
        </div>
        <Button appearance="primary" data-print-hidden onClick={() => window.print()}>
          {t('crisis.print')}
        </Button>
      </div>
      <MessageBar intent="warning" data-print-hidden>
        <MessageBarBody>{t('crisis.notice')}</MessageBarBody>
      </MessageBar>
      <Text className={styles.printNotice}>{t('crisis.printFooter')}</Text>
      {reachabilityWarnings(sheet.allies).map((warning) => (
        <MessageBar key={warning.code} intent="warning">
          <MessageBarBody>{warningText(warning, t)}</MessageBarBody>
        </MessageBar>
      ))}
      {(
        [
          ['staff', sheet.staff.length, <CrisisStaffTable key="staff" staff={sheet.staff} />],
          [
            'allies',
            sheet.allies.length,
            <CrisisContactTable key="allies" title="crisis.allies" contacts={sheet.allies} />,
          ],
          [
            'keyFigures',
            sheet.keyFigures.length,
            <CrisisContactTable key="keyFigures" title="crisis.keyFigures" contacts={sheet.keyFigures} />,
          ],
        ] as const
      ).map(([key, count, table]) => (
        <div key={key} className={styles.section}>
          {count > 0 ? (
            table
          ) : (
            <Body1 className={styles.empty}>{`${t(`crisis.${key}`)}: ${t('crisis.none')}`}</Body1>
          )}
        </div>
      ))}
    </>
  );
}

/** Crisiskaart: who to call to bring the network together within the hour, printable on A4. */
export function CrisisSheetPage({ api, networkId }: { api: ApiClient; networkId: string }) {
  const t = useT();
  const styles = useStyles();
  useCrisisPrintStyles();
  const load = useAsync(useCallback(() => getCrisisSheet(api, networkId), [api, networkId]));
  const sheet = load.state.status === 'done' ? load.state.value : null;
  useDocumentTitle(
    `${sheet ? t('insight.pageTitle', { page: t('crisis.title'), network: sheet.network.name }) : t('crisis.title')} – ${t('app.name')}`,
  );
  return (
    <div className={styles.root} data-crisis-sheet>
      <Body1 className={styles.back}>
        <RouterLink href={networkHref(networkId, window.location.search)}>
          {sheet
            ? t('insight.backToNetwork', { network: sheet.network.name })
            : t('insight.backToNetworkUnnamed')}
        </RouterLink>
      </Body1>
      {load.state.status === 'loading' && <LoadingState />}
      {load.state.status === 'failed' && <ErrorState error={load.state.error} onRetry={load.retry} />}
      {sheet && <Sheet sheet={sheet} />}
    </div>
  );
}
