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
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useCallback, useState } from 'react';
import type { ApiClient } from '../../../tab/api/client.js';
import { ErrorState } from '../../../tab/components/error-state.js';
import { fieldMessages, validation } from '../../../tab/components/form-ui.js';
import { LoadingState } from '../../../tab/components/loading-state.js';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { Section } from '../../../tab/components/section.js';
import { useAsync } from '../../../tab/hooks/use-async.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { getRetentionPreview } from '../api/privacy-endpoints.js';
import { kindLabel } from './privacy-labels.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  number: { maxWidth: '120px' },
  show: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalSNudge})` },
  number_cell: { textAlign: 'end' },
});

/**
 * "Wat wordt er binnenkort opgeschoond?": per kind, how many records the daily job would clean up today and
 * within N days (counts only). `version` changes when a rule was saved, so the counts follow the new rules.
 */
export function RetentionPreviewSection({ api, version }: { api: ApiClient; version: number }) {
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState('30');
  const [asked, setAsked] = useState('30');
  const load = useAsync(
    // biome-ignore lint/correctness/useExhaustiveDependencies: `version` reloads the counts after a save.
    useCallback(() => getRetentionPreview(api, asked), [api, asked, version]),
  );
  const failure = load.state.status === 'failed' ? load.state.error : null;
  const errors = fieldMessages(failure, { 'query.withinDays': 'privacy.preview.withinDaysError' }, t);
  const withinError = errors['query.withinDays'];
  const [shown, setShown] = useState<number | null>(null);
  const preview = load.state.status === 'done' ? load.state.value : null;
  const withinDays = preview?.withinDays ?? shown ?? 30;

  const show = (event: FormEvent) => {
    event.preventDefault();
    if (draft === asked) load.retry();
    setAsked(draft.trim());
    setShown(Number(draft));
  };

  return (
    <Section title={t('privacy.preview.title')}>
      <Body1>{t('privacy.preview.intro')}</Body1>
      <form className={styles.form} onSubmit={show} noValidate>
        <Field
          label={t('privacy.preview.withinDays')}
          hint={t('privacy.preview.withinDaysHint')}
          {...validation(withinError)}
        >
          <Input
            className={styles.number}
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            value={draft}
            onChange={(_event, data) => setDraft(data.value)}
          />
        </Field>
        <Button type="submit" className={styles.show}>
          {t('privacy.preview.show')}
        </Button>
      </form>
      {load.state.status === 'loading' && <LoadingState />}
      {failure !== null && withinError === undefined && (
        <ErrorState title={t('privacy.preview.failed')} error={failure} onRetry={load.retry} />
      )}
      {preview && (
        <ScrollRegion label={t('privacy.preview.tableLabel')} wide>
          <Table aria-label={t('privacy.preview.tableLabel')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('privacy.preview.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('privacy.preview.term')}</TableHeaderCell>
                <TableHeaderCell>{t('privacy.preview.today')}</TableHeaderCell>
                <TableHeaderCell>{t('privacy.preview.within', { days: withinDays })}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.kinds.map((row) => (
                <TableRow key={row.kind}>
                  <TableCell>{t(kindLabel(row.kind))}</TableCell>
                  <TableCell>{t('privacy.preview.daysValue', { days: row.days })}</TableCell>
                  <TableCell className={styles.number_cell}>{row.dueToday}</TableCell>
                  <TableCell className={styles.number_cell}>{row.dueWithin}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Section>
  );
}
