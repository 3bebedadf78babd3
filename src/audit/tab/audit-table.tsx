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
import { AMSTERDAM_ZONE } from '../../tab/i18n/amsterdam-time.js';
import { useT } from '../../tab/i18n/use-t.js';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_OBJECT_TYPE_LABELS,
  type AuditAction,
  type AuditObjectType,
} from '../constants.js';
import type { AuditEvent, AuditFilter } from './audit-endpoints.js';
import { channelMessage } from './audit-labels.js';
import { IdFilterButton } from './id-filter-button.js';
import { ResultBadge } from './result-badge.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  seq: { width: '72px' },
  time: { width: '190px' },
  actor: { width: '160px' },
  result: { width: '110px' },
  channel: { width: '90px' },
  object: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  numeric: { fontVariantNumeric: 'tabular-nums' },
});

/** What choosing an actor or object in the table filters on; the actor's name goes into the filter form too. */
export type TableFilter = Pick<AuditFilter, 'actorUserId' | 'objectType' | 'objectId'> & {
  actorText?: string;
};

/** A label from the catalogue for a known code; a code this version does not know is shown as written. */
function useCodeLabel() {
  const t = useT();
  return {
    action: (code: string) =>
      Object.hasOwn(AUDIT_ACTION_LABELS.nl, code) ? t(`audit.action.${code as AuditAction}`) : code,
    objectType: (code: string) =>
      Object.hasOwn(AUDIT_OBJECT_TYPE_LABELS.nl, code)
        ? t(`audit.objectType.${code as AuditObjectType}`)
        : code,
  };
}

function EventRow({ event, onFilter }: { event: AuditEvent; onFilter: (filter: TableFilter) => void }) {
  const t = useT();
  const intl = useIntl();
  const styles = useStyles();
  const label = useCodeLabel();
  const { actorUserId, objectType, objectId } = event;
  const actorName = event.actorName ?? t('audit.table.unknownActor');
  return (
    <TableRow>
      <TableCell className={styles.numeric}>{event.seq}</TableCell>
      <TableCell className={styles.numeric}>
        <time dateTime={event.occurredAt}>
          {intl.formatDate(event.occurredAt, {
            dateStyle: 'medium',
            timeStyle: 'medium',
            timeZone: AMSTERDAM_ZONE,
          })}
        </time>
      </TableCell>
      <TableCell>
        {actorUserId ? (
          <IdFilterButton
            id={actorUserId}
            text={actorName}
            label={t('audit.table.filterActor', { name: actorName, id: actorUserId })}
            onFilter={() => onFilter({ actorUserId, actorText: event.actorName ?? '' })}
          />
        ) : (
          <Caption1 className={styles.muted}>{t('audit.table.noActor')}</Caption1>
        )}
      </TableCell>
      <TableCell>
        {/* The stored code stays at hand for a developer (hover, and the CSV has it), not in the reader's way. */}
        <span title={event.action}>{label.action(event.action)}</span>
      </TableCell>
      <TableCell>
        {objectType ? (
          <span className={styles.object}>
            <span>{label.objectType(objectType)}</span>
            {objectId && (
              <IdFilterButton
                id={objectId}
                label={t('audit.table.filterObject', { type: label.objectType(objectType), id: objectId })}
                onFilter={() => onFilter({ objectType, objectId })}
              />
            )}
          </span>
        ) : (
          <Caption1 className={styles.muted}>{t('audit.table.noObject')}</Caption1>
        )}
      </TableCell>
      <TableCell>
        <ResultBadge result={event.result} />
      </TableCell>
      <TableCell>{t(channelMessage[event.channel])}</TableCell>
    </TableRow>
  );
}

/** The audit events, newest first; the ids in it filter the trail when chosen. */
export function AuditTable(props: { events: AuditEvent[]; onFilter: (filter: TableFilter) => void }) {
  const { events, onFilter } = props;
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} size="small">
        <caption className={styles.caption}>{t('audit.table.caption', { count: events.length })}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.seq}>{t('audit.table.seq')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('audit.table.time')}</TableHeaderCell>
            <TableHeaderCell className={styles.actor}>{t('audit.table.actor')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.table.action')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.table.object')}</TableHeaderCell>
            <TableHeaderCell className={styles.result}>{t('audit.table.result')}</TableHeaderCell>
            <TableHeaderCell className={styles.channel}>{t('audit.table.channel')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((event) => (
            <EventRow key={event.seq} event={event} onFilter={onFilter} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
