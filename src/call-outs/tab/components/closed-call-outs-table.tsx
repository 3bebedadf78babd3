import {
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
import type { PastCallOut } from '../api/call-out-endpoints.js';
import { callOutHref } from '../call-out-routes.js';
import { kindMessage } from './call-out-labels.js';

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
});

// Call-outs happen in the Netherlands; their times read the same wherever the browser is.
const WHEN = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' } as const;

/** Closed call-outs as a table: what, when it started and closed, which of the user's networks, who came. */
export function ClosedCallOutsTable({ callOuts, label }: { callOuts: PastCallOut[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  return (
    <Table aria-label={label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.whatColumn}>{t('callOutList.column.what')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.started')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutClosed.column.closed')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutClosed.column.networks')}</TableHeaderCell>
          <TableHeaderCell>{t('callOutList.column.coming')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {callOuts.map((callOut) => (
          <TableRow key={callOut.id}>
            <TableCell>
              <div className={styles.what}>
                <RouterLink href={callOutHref(callOut.id, window.location.search)} className={styles.summary}>
                  {callOut.summary}
                </RouterLink>
                <Caption1 className={styles.kind}>{t(kindMessage[callOut.kind])}</Caption1>
              </div>
            </TableCell>
            <TableCell>{intl.formatDate(callOut.startedAt, WHEN)}</TableCell>
            <TableCell>{callOut.closedAt ? intl.formatDate(callOut.closedAt, WHEN) : ''}</TableCell>
            <TableCell>{callOut.networks.map((network) => network.name).join(', ')}</TableCell>
            <TableCell className={styles.numbers}>{callOut.tally.coming}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
