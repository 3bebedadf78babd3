import {
  Body1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { ScrollRegion } from '../../../tab/components/scroll-region.js';
import { Section } from '../../../tab/components/section.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RETENTION_KINDS } from '../../constants.js';
import type { RetentionRules } from '../api/privacy-endpoints.js';
import { kindLabel } from './privacy-labels.js';

const useStyles = makeStyles({ count: { textAlign: 'end' } });

/** The daily job's latest runs: per day, how many records of each kind it cleaned up (counts only). */
export function RetentionRuns({ runs }: { runs: RetentionRules['recentRuns'] }) {
  const t = useT();
  const styles = useStyles();
  return (
    <Section title={t('privacy.runs.title')}>
      {runs.length === 0 ? (
        <Body1>{t('privacy.runs.none')}</Body1>
      ) : (
        <ScrollRegion label={t('privacy.runs.label')} wide>
          <Table aria-label={t('privacy.runs.label')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('privacy.runs.day')}</TableHeaderCell>
                {RETENTION_KINDS.map((kind) => (
                  <TableHeaderCell key={kind}>{t(kindLabel(kind))}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.runOn}>
                  <TableCell>
                    {run.runOn}
                    {run.finishedAt === null ? ` (${t('privacy.runs.busy')})` : ''}
                  </TableCell>
                  {RETENTION_KINDS.map((kind) => (
                    <TableCell key={kind} className={styles.count}>
                      {run.counts.find((count) => count.kind === kind)?.expired ?? 0}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
    </Section>
  );
}
