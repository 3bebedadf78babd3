import { Body1, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { NetworkRole, RoleName } from '../../tab/api/endpoints.js';
import { ConfirmDialog } from '../../tab/components/confirm-dialog.js';
import { roleMessage } from '../../tab/components/labels.js';
import { useT } from '../../tab/i18n/use-t.js';
import { RoleDropdown } from './role-dropdown.js';
import type { StaffWithRoles } from './role-endpoints.js';
import type { StaffActions } from './staff-actions.js';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, 1fr) 150px auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  network: { overflowWrap: 'anywhere' },
  picker: { minWidth: 0, width: '100%' },
});

/** One role of a staff member: the network, a picker to change the role, and "Verwijderen" after a confirmation. */
export function NetworkRoleItem(props: {
  member: StaffWithRoles;
  role: NetworkRole;
  actions: StaffActions;
  onRemoved: () => void;
}) {
  const { member, role, actions, onRemoved } = props;
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const roleName = t(roleMessage[role.role]);
  const names = { name: member.displayName, network: role.networkName, role: roleName };

  const change = async (next: RoleName) => {
    setBusy(true);
    try {
      await actions.changeRole(member, role, next);
    } catch (error) {
      actions.reportFailure(t('roles.changeFailed', names), error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    await actions.removeRole(member, role);
    onRemoved();
  };

  return (
    <div className={styles.root}>
      <Text className={styles.network}>{role.networkName}</Text>
      <RoleDropdown
        size="small"
        className={styles.picker}
        label={t('roles.roleOf', names)}
        value={role.role}
        disabled={busy}
        onChange={change}
      />
      <ConfirmDialog
        trigger={
          <Button size="small" appearance="subtle" aria-label={t('roles.removeLabel', names)}>
            {t('roles.remove')}
          </Button>
        }
        title={t('roles.removeTitle')}
        confirmLabel={t('roles.remove')}
        failureTitle={t('roles.removeFailed')}
        onConfirm={remove}
      >
        <Body1>{t('roles.removeBody', names)}</Body1>
      </ConfirmDialog>
    </div>
  );
}
