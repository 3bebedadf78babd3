import {
  Avatar,
  Badge,
  Caption1,
  makeStyles,
  TableCell,
  TableCellLayout,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useRef } from 'react';
import { organisationName } from '../../tab/components/organisation-names.js';
import { useT } from '../../tab/i18n/use-t.js';
import { AddRoleDialog } from './add-role-dialog.js';
import { AdministratorButton } from './administrator-button.js';
import { NetworkRoleItem } from './network-role-item.js';
import type { StaffTenant, StaffWithRoles } from './role-endpoints.js';
import type { NetworkOption, StaffActions } from './staff-actions.js';

const useStyles = makeStyles({
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  roles: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  actions: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    whiteSpace: 'nowrap',
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** One staff member in the Rollen table: who they are, whether they administer, their roles, and what can change. */
export function StaffRow(props: {
  member: StaffWithRoles;
  /** Everyone on the page: the colleagues who may succeed the network's last gemeente or politie member. */
  staff: StaffWithRoles[];
  tenants: readonly StaffTenant[];
  networks: NetworkOption[];
  actions: StaffActions;
}) {
  const { member, tenants, networks, actions } = props;
  const t = useT();
  const styles = useStyles();
  // A removed role takes its "Verwijderen" button with it; focus then goes to this member's "Rol toevoegen".
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <TableRow>
      <TableCell className={styles.cell}>
        <TableCellLayout media={<Avatar name={member.displayName} color="colorful" size={28} aria-hidden />}>
          {member.displayName}
        </TableCellLayout>
      </TableCell>
      <TableCell className={styles.cell}>{organisationName(t, tenants, member)}</TableCell>
      <TableCell className={styles.cell}>
        {member.jobTitle ?? <Caption1 className={styles.muted}>{t('roles.noJobTitle')}</Caption1>}
      </TableCell>
      <TableCell className={styles.cell}>
        {member.isAdministrator ? (
          <Badge appearance="tint" color="brand" shape="rounded">
            {t('roles.isAdministrator')}
          </Badge>
        ) : (
          <Caption1 className={styles.muted}>{t('roles.notAdministrator')}</Caption1>
        )}
      </TableCell>
      <TableCell className={styles.cell}>
        {member.roles.length > 0 ? (
          <ul className={styles.roles}>
            {member.roles.map((role) => (
              <li key={role.networkId}>
                <NetworkRoleItem
                  member={member}
                  role={role}
                  staff={props.staff}
                  actions={actions}
                  onRemoved={() => addButton.current?.focus()}
                />
              </li>
            ))}
          </ul>
        ) : (
          <Caption1 className={styles.muted}>{t('roles.noRoles')}</Caption1>
        )}
      </TableCell>
      <TableCell className={styles.cell}>
        <div className={styles.actions}>
          <AddRoleDialog member={member} networks={networks} actions={actions} triggerRef={addButton} />
          <AdministratorButton member={member} onChange={actions.setAdministrator} />
        </div>
      </TableCell>
    </TableRow>
  );
}
