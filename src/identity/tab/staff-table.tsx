import {
  makeStyles,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../tab/i18n/use-t.js';
import type { StaffTenant, StaffWithRoles } from './role-endpoints.js';
import type { NetworkOption, StaffActions } from './staff-actions.js';
import { StaffRow } from './staff-row.js';

const useStyles = makeStyles({
  // A narrow Teams panel scrolls the table sideways instead of squeezing it; tabbing through the controls in the
  // rows scrolls it for keyboard users.
  scroller: { overflowX: 'auto' },
  table: { minWidth: '1040px' },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
  name: { width: '190px' },
  organisation: { width: '150px' },
  jobTitle: { width: '170px' },
  administrator: { width: '96px' },
  roles: { width: '380px' },
});

/** The staff and their roles per network, one row per person, with the changes an administrator can make. */
export function StaffTable(props: {
  staff: StaffWithRoles[];
  /** The app's tenants, to name each member's organisation. */
  tenants: readonly StaffTenant[];
  networks: NetworkOption[];
  actions: StaffActions;
}) {
  const { staff, tenants, networks, actions } = props;
  const t = useT();
  const styles = useStyles();
  const caption = t('roles.table.caption', { count: staff.length });
  return (
    <div className={styles.scroller}>
      <Table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.name}>{t('roles.table.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.organisation}>{t('roles.table.organisation')}</TableHeaderCell>
            <TableHeaderCell className={styles.jobTitle}>{t('roles.table.jobTitle')}</TableHeaderCell>
            <TableHeaderCell className={styles.administrator}>
              {t('roles.table.administrator')}
            </TableHeaderCell>
            <TableHeaderCell className={styles.roles}>{t('roles.table.roles')}</TableHeaderCell>
            <TableHeaderCell>{t('roles.table.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {staff.map((member) => (
            <StaffRow
              key={member.id}
              member={member}
              staff={staff}
              tenants={tenants}
              networks={networks}
              actions={actions}
            />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
