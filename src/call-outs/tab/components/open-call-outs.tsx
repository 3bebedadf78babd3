import {
  Badge,
  Body1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { useT } from '../../../tab/i18n/use-t.js';
import type { CallOutSummary } from '../api/call-out-endpoints.js';
import { urgencyMessage } from './call-out-labels.js';
import { CallOutWhatCell, useCallOutTableStyles } from './call-out-what-cell.js';

const useStyles = makeStyles({
  late: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

const urgencyColor = { immediate: 'danger', today: 'warning', 'this-week': 'informative' } as const;

/** Open call-outs as a table: what, how urgent, since when, progress and answers; each links to its page. */
export function OpenCallOutsTable({ callOuts, label }: { callOuts: CallOutSummary[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const styles = { ...useCallOutTableStyles(), ...useStyles() };
  if (callOuts.length === 0) return <Body1>{t('callOutList.none')}</Body1>;
  const now = Date.now();
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.whatColumn}>{t('callOutList.column.what')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.urgency')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.started')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.progress')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.coming')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {callOuts.map((callOut) => {
          const late = Date.parse(callOut.goalAt) < now;
          return (
            <TableRow key={callOut.id}>
              <CallOutWhatCell callOut={callOut} />
              <TableCell>
                <Badge appearance="tint" shape="rounded" color={urgencyColor[callOut.urgency]}>
                  {t(urgencyMessage[callOut.urgency])}
                </Badge>
              </TableCell>
              <TableCell>
                {intl.formatTime(callOut.startedAt, { timeStyle: 'short' })}
                {late && <span className={styles.late}> · {t('callOutList.goalPassed')}</span>}
              </TableCell>
              <TableCell className={styles.numbers}>
                {t('callOut.progress.text', {
                  sent: callOut.progress.sent,
                  recipients: callOut.progress.recipients,
                  answered: callOut.progress.answered,
                })}
                {callOut.progress.unreachable > 0 &&
                  ` · ${t('callOutList.unreachable', { count: callOut.progress.unreachable })}`}
              </TableCell>
              <TableCell className={styles.numbers}>{callOut.tally.coming}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
