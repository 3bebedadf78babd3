import {
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
import { FormattedDate } from 'react-intl';
import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import { useT } from '../../../tab/i18n/use-t.js';
import type { PersonHistoryEntry } from '../api/network-endpoints.js';
import { actionText } from './person-labels.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '560px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
});

const channelMessage: Record<PersonHistoryEntry['channel'], MessageId> = {
  tab: 'audit.channel.tab',
  bot: 'audit.channel.bot',
  api: 'audit.channel.api',
  job: 'audit.channel.job',
};

/** Who read or changed a person, when, what and through which channel, newest first. */
export function HistoryTable({ entries }: { entries: PersonHistoryEntry[] }) {
  const t = useT();
  const styles = useStyles();
  if (entries.length === 0) return <Body1>{t('history.none')}</Body1>;
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} size="small">
        <caption className={styles.caption}>{t('history.caption')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('history.when')}</TableHeaderCell>
            <TableHeaderCell>{t('history.who')}</TableHeaderCell>
            <TableHeaderCell>{t('history.what')}</TableHeaderCell>
            <TableHeaderCell>{t('history.channel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry, index) => (
            // The history has no ids; its order is fixed (newest first), so the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <TableRow key={`${entry.occurredAt}-${index}`}>
              <TableCell>
                <FormattedDate value={entry.occurredAt} dateStyle="medium" timeStyle="short" />
              </TableCell>
              <TableCell>{entry.actor?.displayName ?? t('history.system')}</TableCell>
              <TableCell>{actionText(entry.action, t)}</TableCell>
              <TableCell>{t(channelMessage[entry.channel])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
