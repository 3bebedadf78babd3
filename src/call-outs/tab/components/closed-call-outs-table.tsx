import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import { useT } from '../../../tab/i18n/use-t.js';
import type { PastCallOut } from '../api/call-out-endpoints.js';
import { CallOutWhatCell, useCallOutTableStyles } from './call-out-what-cell.js';

// Call-outs happen in the Netherlands; their times read the same wherever the browser is.
const WHEN = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' } as const;

/** Closed call-outs as a table: what, when it started and closed, which of the user's networks, who came. */
export function ClosedCallOutsTable({ callOuts, label }: { callOuts: PastCallOut[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const styles = useCallOutTableStyles();
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
            <CallOutWhatCell callOut={callOut} />
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
