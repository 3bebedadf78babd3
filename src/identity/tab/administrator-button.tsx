import { Body1, Button } from '@fluentui/react-components';
import { ConfirmDialog } from '../../tab/components/confirm-dialog.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { StaffWithRoles } from './role-endpoints.js';

/**
 * "Beheerder maken" or "Beheerrechten intrekken", each after a confirmation; the server's refusal to remove the
 * last administrator (409) is shown in the dialog.
 */
export function AdministratorButton({
  member,
  onChange,
}: {
  member: StaffWithRoles;
  onChange: (member: StaffWithRoles, isAdministrator: boolean) => Promise<void>;
}) {
  const t = useT();
  const values = { name: member.displayName };
  const granting = !member.isAdministrator;
  return (
    <ConfirmDialog
      trigger={
        <Button
          size="small"
          aria-label={t(granting ? 'roles.admin.grantLabel' : 'roles.admin.revokeLabel', values)}
        >
          {t(granting ? 'roles.admin.grant' : 'roles.admin.revoke')}
        </Button>
      }
      title={t(granting ? 'roles.admin.grantTitle' : 'roles.admin.revokeTitle')}
      confirmLabel={t(granting ? 'roles.admin.grant' : 'roles.admin.revokeConfirm')}
      failureTitle={t(granting ? 'roles.admin.grantFailed' : 'roles.admin.revokeFailed')}
      onConfirm={() => onChange(member, granting)}
    >
      <Body1>{t(granting ? 'roles.admin.grantBody' : 'roles.admin.revokeBody', values)}</Body1>
    </ConfirmDialog>
  );
}
