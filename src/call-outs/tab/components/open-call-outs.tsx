import {
  Badge,
  Body1,
  Caption1,
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
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { CallOutSummary } from '../api/call-out-endpoints.js';
import { callOutHref } from '../call-out-routes.js';
import { kindMessage, urgencyMessage } from './call-out-labels.js';

const useStyles = makeStyles({
  whatColumn: { width: '40%' },
  what: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
  },
  kind: { color: tokens.colorNeutralForeground2 },
  summary: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  numbers: { fontVariantNumeric: 'tabular-nums' },
  late: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

const urgencyColor = { immediate: 'danger', today: 'warning', 'this-week': 'informative' } as const;

/** Open call-outs as a table: what, how urgent, since when, progress and answers; each links to its page. */
export function OpenCallOutsTable({ callOuts, label }: { callOuts: CallOutSummary[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
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
              <TableCell>
                <div className={styles.what}>
                  {/* The summary names the link: several call-outs of one kind stay distinguishable. */}
                  <RouterLink
                    href={callOutHref(callOut.id, window.location.search)}
                    className={styles.summary}
                  >
                    {callOut.summary}
                  </RouterLink>
                  <Caption1 className={styles.kind}>{t(kindMessage[callOut.kind])}</Caption1>
                </div>
              </TableCell>
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
