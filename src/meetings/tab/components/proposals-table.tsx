import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../../tab/i18n/use-t.js';
import type { PlanPreview } from '../meeting-endpoints.js';
import { useMeetingFormat } from './meeting-format.js';

const useStyles = makeStyles({
  notes: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** The proposals: tick which to create; each shows time, location, chair, agenda turn and why it moved. */
export function ProposalsTable(props: {
  preview: PlanPreview;
  selected: Set<string>;
  onSelect: (date: string, on: boolean) => void;
  onUnoverride: (date: string) => void;
}) {
  const { preview, selected, onSelect, onUnoverride } = props;
  const t = useT();
  const styles = useStyles();
  const format = useMeetingFormat();
  return (
    <Table aria-label={t('meetings.plan.proposals')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('meetings.plan.include')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.plan.date')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.time')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.location')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.chair')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.agendaTurn')}</TableHeaderCell>
          <TableHeaderCell>{t('meetings.plan.notes')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {preview.proposals.map((proposal) => (
          <TableRow key={proposal.date}>
            <TableCell>
              <Checkbox
                checked={selected.has(proposal.date)}
                aria-label={t('meetings.plan.includeDate', { date: format.longDate(proposal.date) })}
                onChange={(_event, data) => onSelect(proposal.date, data.checked === true)}
              />
            </TableCell>
            <TableCell>{format.longDate(proposal.date)}</TableCell>
            <TableCell>{format.timeRange(proposal.start, proposal.end)}</TableCell>
            <TableCell>{proposal.location?.name ?? t('meetings.noLocation')}</TableCell>
            <TableCell>{proposal.chair?.displayName ?? t('meetings.noChair')}</TableCell>
            <TableCell>
              {proposal.agendaTurns.length > 0
                ? proposal.agendaTurns.map((person) => person.displayName).join(', ')
                : t('meetings.noAgendaTurn')}
            </TableCell>
            <TableCell>
              <div className={styles.notes}>
                {proposal.trustBuilding && (
                  <Badge appearance="tint" color="brand">
                    {t('meetings.trustBuilding')}
                  </Badge>
                )}
                {proposal.adjustments.map((reason) => (
                  <Text key={reason.code}>{format.reason(reason)}</Text>
                ))}
                {proposal.overridden && (
                  <>
                    <Badge appearance="tint" color="warning">
                      {t('meetings.plan.overridden')}
                    </Badge>
                    <Button
                      size="small"
                      aria-label={t('meetings.plan.unoverrideDate', { date: format.dayMonth(proposal.date) })}
                      onClick={() => onUnoverride(proposal.date)}
                    >
                      {t('meetings.plan.unoverride')}
                    </Button>
                  </>
                )}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
