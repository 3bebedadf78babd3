import { Body1, Button, Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
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
  staff: StaffWithRoles[];
  actions: StaffActions;
  onRemoved: () => void;
}) {
  const { member, role, actions, onRemoved } = props;
  const t = useT();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [successorId, setSuccessorId] = useState('');
  // The network's last gemeente or politie staff member leaves only for a successor of the same organisation
  // (the server answers 409 otherwise): the dialog asks for one, from the colleagues of that organisation.
  const sameOrganisation = props.staff.filter(
    (other) =>
      other.id !== member.id && member.organisation !== null && other.organisation === member.organisation,
  );
  const needsSuccessor =
    member.organisation !== null &&
    !sameOrganisation.some((other) => other.roles.some((r) => r.networkId === role.networkId));
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
    const successor = needsSuccessor ? sameOrganisation.find((other) => other.id === successorId) : undefined;
    await actions.removeRole(member, role, successor);
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
        {needsSuccessor && (
          <Field
            label={t('roles.successor', {
              organisation: member.organisation ?? '',
              network: role.networkName,
            })}
            hint={t('roles.successorHint')}
          >
            <Select value={successorId} onChange={(_e, data) => setSuccessorId(data.value)}>
              <option value="">{t('roles.successorChoose')}</option>
              {sameOrganisation.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.displayName}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </ConfirmDialog>
    </div>
  );
}
