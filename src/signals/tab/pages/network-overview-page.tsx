import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { getNetworkOverview, type NetworkOverview } from '../api/signal-endpoints.js';
import { FILTER_KEYS } from '../hooks/use-signal-filter.js';
import { thermometerHref } from '../signal-routes.js';

type Row = NetworkOverview['networks'][number];

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  numbers: { textAlign: 'end' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  result: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalL,
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The columns, each with how it sorts (the evaluation by its due date). */
const COLUMNS = [
  { key: 'name', label: 'networkOverview.column.network', value: (r: Row) => r.name },
  { key: 'held', label: 'networkOverview.column.held', value: (r: Row) => r.meetings.held },
  { key: 'planned', label: 'networkOverview.column.planned', value: (r: Row) => r.meetings.planned },
  { key: 'signals', label: 'networkOverview.column.signals', value: (r: Row) => r.signals },
  { key: 'open', label: 'networkOverview.column.open', value: (r: Row) => r.openFollowUps },
  { key: 'overdue', label: 'networkOverview.column.overdue', value: (r: Row) => r.overdueFollowUps },
  { key: 'gaps', label: 'networkOverview.column.gaps', value: (r: Row) => r.coverageGaps },
  {
    key: 'evaluation',
    label: 'networkOverview.column.evaluation',
    value: (r: Row) => r.evaluation?.dueOn ?? '',
  },
  { key: 'callOuts', label: 'networkOverview.column.callOuts', value: (r: Row) => r.callOuts.total },
  {
    key: 'reached',
    label: 'networkOverview.column.reached',
    value: (r: Row) => r.callOuts.reachedWithinHour,
  },
] as const satisfies readonly { key: string; label: MessageId; value: (r: Row) => string | number }[];

type SortKey = (typeof COLUMNS)[number]['key'];
type Direction = 'ascending' | 'descending';

/** The period in the address bar (`van`, `tot`), or nothing: the server then answers for the last three months. */
function periodFromSearch(search: string): { from?: string; to?: string } {
  const params = new URLSearchParams(search);
  const from = params.get(FILTER_KEYS.from);
  const to = params.get(FILTER_KEYS.to);
  return { ...(from && DATE.test(from) ? { from } : {}), ...(to && DATE.test(to) ? { to } : {}) };
}

/**
 * `/signalen/netwerkoverzicht`: per network, meetings held and planned, signals, open and overdue follow-ups,
 * coverage gaps, the next evaluation and the call-outs of a period, in one sortable table. Counts only, no names;
 * staff see their own networks, administrators every network.
 */
export function NetworkOverviewPage({ api }: { api: ApiClient }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(`${t('networkOverview.title')} – ${t('app.name')}`);
  const [applied, setApplied] = useState(() => periodFromSearch(window.location.search));
  const [draft, setDraft] = useState({ from: applied.from ?? '', to: applied.to ?? '' });
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'name',
    direction: 'ascending',
  });
  const load = useAsync(useCallback(() => getNetworkOverview(api, applied), [api, applied]));
  const answer = load.state.status === 'done' ? load.state.value : null;
  // Without a period in the address bar the server chose one: show it in the form.
  useEffect(() => {
    if (answer) setDraft((d) => (d.from || d.to ? d : { from: answer.from, to: answer.to }));
  }, [answer]);
  const errors = load.state.status === 'failed' ? fieldErrorsOf(load.state.error, t) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(window.location.search);
    for (const [field, value] of [
      ['from', draft.from],
      ['to', draft.to],
    ] as const) {
      if (value) params.set(FILTER_KEYS[field], value);
      else params.delete(FILTER_KEYS[field]);
    }
    const search = params.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search ? `?${search}` : ''}`,
    );
    setApplied({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  };
  const rows = useMemo(() => {
    if (!answer) return [];
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...answer.networks].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nl');
      return sign * order || a.name.localeCompare(b.name, 'nl');
    });
  }, [answer, sort]);
  const sortBy = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const day = (date: string) =>
    intl.formatDate(`${date}T12:00:00Z`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <>
      <RouterLink href={thermometerHref('')}>{t('sfeerbeeld.back')}</RouterLink>
      <Title1 as="h1">{t('networkOverview.title')}</Title1>
      <Body1 as="p">{t('networkOverview.intro')}</Body1>
      <form className={styles.filters} onSubmit={submit} noValidate aria-label={t('networkOverview.period')}>
        <Field label={t('thermometer.from')} {...validation(errors['query.from'])}>
          <Input
            type="date"
            value={draft.from}
            onChange={(_e, d) => setDraft((p) => ({ ...p, from: d.value }))}
          />
        </Field>
        <Field label={t('thermometer.to')} {...validation(errors['query.to'])}>
          <Input
            type="date"
            value={draft.to}
            onChange={(_e, d) => setDraft((p) => ({ ...p, to: d.value }))}
          />
        </Field>
        <Button type="submit" appearance="primary">
          {t('thermometer.show')}
        </Button>
      </form>
      <div aria-live="polite" className={styles.result}>
        {load.state.status === 'loading' && <LoadingState />}
        {load.state.status === 'failed' && Object.keys(errors).length === 0 && (
          <ErrorState title={t('networkOverview.failed')} error={load.state.error} onRetry={load.retry} />
        )}
        {answer && answer.networks.length === 0 && <Body1 as="p">{t('networkOverview.empty')}</Body1>}
        {answer && answer.networks.length > 0 && (
          <ScrollRegion label={t('networkOverview.table')} wide>
            <Table sortable size="small">
              <caption className={styles.caption}>
                {t('networkOverview.caption', { from: day(answer.from), to: day(answer.to) })}
              </caption>
              <TableHeader>
                <TableRow>
                  {COLUMNS.map((column) => (
                    <TableHeaderCell
                      key={column.key}
                      sortDirection={sort.key === column.key ? sort.direction : undefined}
                      onClick={() => sortBy(column.key)}
                    >
                      {t(column.label)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.networkId}>
                    <TableCell>{row.name}</TableCell>
                    <TableCell className={styles.numbers}>{row.meetings.held}</TableCell>
                    <TableCell className={styles.numbers}>{row.meetings.planned}</TableCell>
                    <TableCell className={styles.numbers}>{row.signals}</TableCell>
                    <TableCell className={styles.numbers}>{row.openFollowUps}</TableCell>
                    <TableCell
                      className={`${styles.numbers} ${row.overdueFollowUps > 0 ? styles.overdue : ''}`}
                    >
                      {row.overdueFollowUps}
                    </TableCell>
                    <TableCell className={styles.numbers}>{row.coverageGaps}</TableCell>
                    <TableCell className={row.evaluation?.state === 'overdue' ? styles.overdue : undefined}>
                      {row.evaluation
                        ? t(`networkOverview.evaluation.${row.evaluation.state}`, {
                            date: day(row.evaluation.dueOn),
                          })
                        : '–'}
                    </TableCell>
                    <TableCell className={styles.numbers}>{row.callOuts.total}</TableCell>
                    <TableCell className={styles.numbers}>{row.callOuts.reachedWithinHour}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </div>
    </>
  );
}
