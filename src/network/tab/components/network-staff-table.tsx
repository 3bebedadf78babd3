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
import { roleMessage } from '../../../tab/components/labels.js';
import { useOrganisationName } from '../../../tab/components/organisation-names.js';
import { dayAtNoon } from '../../../tab/i18n/amsterdam-time.js';
import { useT } from '../../../tab/i18n/use-t.js';
import { RouterLink } from '../../../tab/routing/router-link.js';
import type { NetworkStaff } from '../api/network-endpoints.js';
import { ChoiceDropdown } from '../people/choice-dropdown.js';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto' },
  table: { minWidth: '640px' },
  cell: {
    verticalAlign: 'middle',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  dropdown: { minWidth: '220px' },
});

/**
 * The network's staff with role, organisation (by its configured name) and back-up. Coordinators choose the back-up from the other staff;
 * `onBackupChange` rejects when the change failed (the caller reports it). With `handOverHref` (coordinators) each
 * row links to the staff member's hand-over (continuity) for when they leave the network.
 */
export function NetworkStaffTable(props: {
  staff: NetworkStaff[];
  canChangeBackup: boolean;
  onBackupChange: (member: NetworkStaff, backupUserId: string | null) => void;
  handOverHref?: ((userId: string) => string) | null;
}) {
  const { staff, canChangeBackup, onBackupChange } = props;
  const t = useT();
  const organisationOf = useOrganisationName();
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('staff.table.name')}</TableHeaderCell>
            <TableHeaderCell>{t('staff.table.role')}</TableHeaderCell>
            <TableHeaderCell>{t('staff.table.organisation')}</TableHeaderCell>
            <TableHeaderCell>{t('staff.table.backup')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {staff.map((member) => (
            <TableRow key={member.userId}>
              <TableCell className={styles.cell}>
                {member.displayName}
                {member.absentUntil && (
                  <div>
                    <Caption1 className={styles.muted}>
                      {t('staff.absentUntil', { date: dayAtNoon(member.absentUntil) })}
                    </Caption1>
                  </div>
                )}
                {props.handOverHref && (
                  <div>
                    <RouterLink href={props.handOverHref(member.userId)}>
                      {t('handOver.linkLabel', { name: member.displayName })}
                    </RouterLink>
                  </div>
                )}
              </TableCell>
              <TableCell className={styles.cell}>{t(roleMessage[member.role])}</TableCell>
              <TableCell className={styles.cell}>
                {member.jobTitle ? `${organisationOf(member)} · ${member.jobTitle}` : organisationOf(member)}
              </TableCell>
              <TableCell className={styles.cell}>
                {canChangeBackup ? (
                  <div className={styles.dropdown}>
                    <ChoiceDropdown
                      label={t('staff.backupOf', { name: member.displayName })}
                      choices={staff
                        .filter((other) => other.userId !== member.userId)
                        .map((other) => ({ value: other.userId, label: other.displayName }))}
                      value={member.backup?.userId ?? null}
                      noneLabel={t('staff.noBackup')}
                      onChange={(backupUserId) => onBackupChange(member, backupUserId)}
                    />
                  </div>
                ) : (
                  (member.backup?.displayName ?? (
                    <Caption1 className={styles.muted}>{t('staff.noBackup')}</Caption1>
                  ))
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
