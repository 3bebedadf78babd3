import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import type { Me } from '../../../tab/api/endpoints.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { getThermometer, listSignalThemes } from '../api/signal-endpoints.js';
import { themeLabel, trendMessage } from '../components/signal-labels.js';
import { TrendChart } from '../components/trend-chart.js';
import { type FilterField, useSignalFilter } from '../hooks/use-signal-filter.js';
import { networkOverviewHref, networkSignalsHref, sfeerbeeldHref } from '../signal-routes.js';

const useStyles = makeStyles({
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    alignItems: 'end',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  side: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    alignItems: 'start',
  },
  numbers: { textAlign: 'end' },
});

const FIELDS: readonly FilterField[] = ['from', 'to', 'grain', 'networkId', 'wijkId', 'theme'];

/** `/signalen`: the thermometer, filterable, with a chart and the same numbers in tables beside it. */
export function ThermometerPage({ api, me }: { api: ApiClient; me: Me }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(`${t('thermometer.title')} – ${t('app.name')}`);
  const { draft, update, applied: filter, submit } = useSignalFilter(FIELDS);
  const load = useAsync(useCallback(() => getThermometer(api, filter), [api, filter]));
  const themes = useAsync(useCallback(() => listSignalThemes(api), [api]));
  const themeList = themes.state.status === 'done' ? themes.state.value : [];
  const networks = [...new Map(me.roles.map((r) => [r.networkId, r.networkName]))];
  const errors = load.state.status === 'failed' ? fieldErrorsOf(load.state.error, t) : {};
  const bucketLabel = (b: string) =>
    filter.grain === 'month'
      ? intl.formatDate(`${b}T12:00:00Z`, { month: 'short', year: '2-digit', timeZone: 'UTC' })
      : intl.formatDate(`${b}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (
    <>
      <Title1 as="h1">{t('thermometer.title')}</Title1>
      <Body1 as="p">{t('thermometer.intro', { admin: me.isAdministrator ? 'yes' : 'no' })}</Body1>
      <div className={styles.links}>
        {networks.map(([id, name]) => (
          <RouterLink key={id} href={networkSignalsHref(id, window.location.search)}>
            {t('signals.title', { network: name })}
          </RouterLink>
        ))}
        <RouterLink href={sfeerbeeldHref(window.location.search)}>{t('thermometer.toReport')}</RouterLink>
        <RouterLink href={networkOverviewHref('')}>{t('thermometer.toOverview')}</RouterLink>
      </div>
      <form className={styles.filters} onSubmit={submit} noValidate aria-label={t('thermometer.filters')}>
        <Field label={t('thermometer.from')} {...validation(errors['query.from'])}>
          <Input type="date" value={draft.from} onChange={(_e, d) => update({ from: d.value })} />
        </Field>
        <Field label={t('thermometer.to')} {...validation(errors['query.to'])}>
          <Input type="date" value={draft.to} onChange={(_e, d) => update({ to: d.value })} />
        </Field>
        <Field label={t('thermometer.grain')}>
          <Select
            value={draft.grain}
            onChange={(_e, d) => update({ grain: d.value === 'week' ? 'week' : 'month' })}
          >
            <option value="month">{t('thermometer.grain.month')}</option>
            <option value="week">{t('thermometer.grain.week')}</option>
          </Select>
        </Field>
        <Field label={t('thermometer.network')}>
          <Select
            value={draft.networkId ?? ''}
            onChange={(_e, d) => update({ networkId: d.value || undefined, wijkId: undefined })}
          >
            <option value="">{t('thermometer.all')}</option>
            {networks.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('thermometer.wijk')}>
          <Select value={draft.wijkId ?? ''} onChange={(_e, d) => update({ wijkId: d.value || undefined })}>
            <option value="">{t('thermometer.all')}</option>
            {(load.state.status === 'done' ? load.state.value.wijken : []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('thermometer.theme')}>
          <Select value={draft.theme ?? ''} onChange={(_e, d) => update({ theme: d.value || undefined })}>
            <option value="">{t('thermometer.all')}</option>
            {themeList.map((theme) => (
              <option key={theme.code} value={theme.code}>
                {themeLabel(themeList, theme.code, intl.locale)}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" appearance="primary">
            {t('thermometer.show')}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {load.state.status === 'loading' && <LoadingState />}
        {load.state.status === 'failed' && Object.keys(errors).length === 0 && (
          <ErrorState title={t('thermometer.failed')} error={load.state.error} onRetry={load.retry} />
        )}
        {load.state.status === 'done' && (
          <ThermometerResult value={load.state.value} themes={themeList} bucketLabel={bucketLabel} />
        )}
      </div>
    </>
  );
}

function ThermometerResult(props: {
  value: import('../api/signal-endpoints.js').Thermometer;
  themes: import('../api/signal-endpoints.js').SignalTheme[];
  bucketLabel: (b: string) => string;
}) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const { value } = props;
  const wijkName = new Map(value.wijken.map((w) => [w.id, w.name]));
  const label = (s: { wijkId: string; theme: string }) =>
    `${wijkName.get(s.wijkId) ?? '—'} · ${themeLabel(props.themes, s.theme, intl.locale)}`;
  if (value.series.length === 0) return <Body1>{t('thermometer.empty')}</Body1>;
  const top = value.series.slice(0, 5);
  return (
    <Section title={t('thermometer.title')}>
      <div className={styles.side}>
        <TrendChart
          caption={t('thermometer.chart', { grain: value.grain })}
          buckets={value.buckets}
          bucketLabel={props.bucketLabel}
          series={top.map((s) => ({ label: label(s), values: s.points.map((p) => p.signals) }))}
        />
        <ScrollRegion label={t('thermometer.table')} wide>
          <Table aria-label={t('thermometer.table')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('thermometer.column.wijk')}</TableHeaderCell>
                <TableHeaderCell>{t('thermometer.column.theme')}</TableHeaderCell>
                <TableHeaderCell>{t('thermometer.column.total')}</TableHeaderCell>
                <TableHeaderCell>{t('thermometer.column.urgent')}</TableHeaderCell>
                <TableHeaderCell>{t('thermometer.column.trend')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {value.series.map((s) => (
                <TableRow key={`${s.wijkId}|${s.theme}`}>
                  <TableCell>{wijkName.get(s.wijkId) ?? '—'}</TableCell>
                  <TableCell>{themeLabel(props.themes, s.theme, intl.locale)}</TableCell>
                  <TableCell className={styles.numbers}>{s.total}</TableCell>
                  <TableCell className={styles.numbers}>
                    {s.points.reduce((n, p) => n + p.urgent, 0)}
                  </TableCell>
                  <TableCell>{t(trendMessage[s.trend])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      </div>
      <ScrollRegion label={t('thermometer.chart', { grain: value.grain })} wide>
        <Table aria-label={t('thermometer.chart', { grain: value.grain })} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('thermometer.column.wijk')}</TableHeaderCell>
              <TableHeaderCell>{t('thermometer.column.theme')}</TableHeaderCell>
              {value.buckets.map((b) => (
                <TableHeaderCell key={b}>{props.bucketLabel(b)}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {top.map((s) => (
              <TableRow key={`${s.wijkId}|${s.theme}`}>
                <TableCell>{wijkName.get(s.wijkId) ?? '—'}</TableCell>
                <TableCell>{themeLabel(props.themes, s.theme, intl.locale)}</TableCell>
                {s.points.map((p) => (
                  <TableCell key={p.bucket} className={styles.numbers}>
                    {p.signals}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      <ScrollRegion label={t('thermometer.moodTable')} wide>
        <Table aria-label={t('thermometer.moodTable')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('thermometer.column.wijk')}</TableHeaderCell>
              <TableHeaderCell>{t('thermometer.mood')}</TableHeaderCell>
              <TableHeaderCell>{t('thermometer.column.trend')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {value.mood
              .filter((m) => m.points.some((p) => p.mood !== null))
              .map((m) => {
                const known = m.points.filter((p) => p.mood !== null);
                const last = known[known.length - 1];
                return (
                  <TableRow key={m.wijkId}>
                    <TableCell>{wijkName.get(m.wijkId) ?? '—'}</TableCell>
                    <TableCell className={styles.numbers}>{last?.mood ?? t('thermometer.noMood')}</TableCell>
                    <TableCell>{t(trendMessage[m.trend])}</TableCell>
                  </TableRow>
                );
              })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </Section>
  );
}
