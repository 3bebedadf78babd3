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
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import type { ApiClient } from '../../../tab/api/client.js';
import { saveFile } from '../../../tab/api/save-file.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../../tab/components/field-errors.js';
import { validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useDocumentTitle } from '../../../tab/hooks/use-document-title.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import { REPORT_MIN_COUNT } from '../../constants.js';
import { getSfeerbeeld, sfeerbeeldPdfPath } from '../api/signal-endpoints.js';
import { trendMessage } from '../components/signal-labels.js';
import { type FilterField, useSignalFilter } from '../hooks/use-signal-filter.js';
import { thermometerHref } from '../signal-routes.js';

const FIELDS: readonly FilterField[] = ['from', 'to'];

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalL },
  numbers: { textAlign: 'end' },
  tables: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    marginTop: tokens.spacingVerticalL,
  },
});

/** `/signalen/sfeerbeeld`: the aggregated report, on screen and as PDF; small cells suppressed, no names. */
export function SfeerbeeldPage({ api }: { api: ApiClient }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  useDocumentTitle(`${t('sfeerbeeld.title')} – ${t('app.name')}`);
  const { draft, update, applied, submit } = useSignalFilter(FIELDS);
  const { from, to } = applied;
  const load = useAsync(useCallback(() => getSfeerbeeld(api, { from, to }), [api, from, to]));
  const errors = load.state.status === 'failed' ? fieldErrorsOf(load.state.error, t) : {};
  const [busy, setBusy] = useState(false);
  const pdf = async () => {
    setBusy(true);
    try {
      const lang = intl.locale.startsWith('en') ? 'en' : 'nl';
      const file = await api.download(sfeerbeeldPdfPath({ from, to, lang }), 'sfeerbeeld.pdf');
      saveFile(file.blob, file.fileName);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <RouterLink href={thermometerHref(window.location.search)}>{t('sfeerbeeld.back')}</RouterLink>
      <Title1 as="h1">{t('sfeerbeeld.title')}</Title1>
      <Body1 as="p">{t('sfeerbeeld.intro', { min: REPORT_MIN_COUNT })}</Body1>
      <form className={styles.filters} onSubmit={submit} noValidate aria-label={t('thermometer.filters')}>
        <Field label={t('thermometer.from')} {...validation(errors['query.from'])}>
          <Input type="date" value={draft.from} onChange={(_e, d) => update({ from: d.value })} />
        </Field>
        <Field label={t('thermometer.to')} {...validation(errors['query.to'])}>
          <Input type="date" value={draft.to} onChange={(_e, d) => update({ to: d.value })} />
        </Field>
        <Button type="submit" appearance="primary">
          {t('thermometer.show')}
        </Button>
        <Button onClick={pdf} disabledFocusable={busy}>
          {t('sfeerbeeld.pdf')}
        </Button>
      </form>
      <div aria-live="polite" className={styles.tables}>
        {load.state.status === 'loading' && <LoadingState />}
        {load.state.status === 'failed' && Object.keys(errors).length === 0 && (
          <ErrorState title={t('sfeerbeeld.failed')} error={load.state.error} onRetry={load.retry} />
        )}
        {load.state.status === 'done' && (
          <>
            <Body1>{t('sfeerbeeld.networks', { count: load.state.value.networks })}</Body1>
            <Body1>
              {t('sfeerbeeld.suppressed', {
                count: load.state.value.suppressedCells,
                min: load.state.value.minCount,
              })}
            </Body1>
            {load.state.value.cells.length === 0 ? (
              <Body1>{t('thermometer.empty')}</Body1>
            ) : (
              <ScrollRegion label={t('sfeerbeeld.table')} wide>
                <Table aria-label={t('sfeerbeeld.table')} size="small">
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
                    {load.state.value.cells.map((c) => (
                      <TableRow key={`${c.wijk}|${c.theme}`}>
                        <TableCell>{c.wijk}</TableCell>
                        <TableCell>{c.theme}</TableCell>
                        <TableCell className={styles.numbers}>
                          {c.signals ??
                            t('sfeerbeeld.hidden', {
                              min: load.state.status === 'done' ? load.state.value.minCount : 0,
                            })}
                        </TableCell>
                        <TableCell className={styles.numbers}>{c.urgent ?? ''}</TableCell>
                        <TableCell>{c.trend ? t(trendMessage[c.trend]) : ''}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            )}
            <ScrollRegion label={t('sfeerbeeld.moodTable')} wide>
              <Table aria-label={t('sfeerbeeld.moodTable')} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('thermometer.column.wijk')}</TableHeaderCell>
                    <TableHeaderCell>{t('sfeerbeeld.meetings')}</TableHeaderCell>
                    <TableHeaderCell>{t('thermometer.mood')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {load.state.value.mood.map((m) => (
                    <TableRow key={m.wijk}>
                      <TableCell>{m.wijk}</TableCell>
                      <TableCell className={styles.numbers}>{m.meetings}</TableCell>
                      <TableCell className={styles.numbers}>{m.mood ?? t('thermometer.noMood')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </div>
    </>
  );
}
