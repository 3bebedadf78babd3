import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, type Ref, useState } from 'react';
import type { RoleName } from '../../tab/api/endpoints.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { useFormDialogGuard } from '../../tab/components/form-dialog-guard.js';
import { useFocusFirstInvalid } from '../../tab/components/use-focus-first-invalid.js';
import { useT } from '../../tab/i18n/use-t.js';
import { NetworkDropdown } from './network-dropdown.js';
import { RoleDropdown } from './role-dropdown.js';
import type { StaffWithRoles } from './role-endpoints.js';
import type { NetworkOption, StaffActions } from './staff-actions.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Draft {
  networkId: string | null;
  role: RoleName | null;
}

const EMPTY: Draft = { networkId: null, role: null };

/**
 * "Rol toevoegen": a dialog to give a staff member a role in a network they have none in yet. The choices stay
 * when the server refuses, with its field errors next to the fields.
 */
export function AddRoleDialog(props: {
  member: StaffWithRoles;
  networks: NetworkOption[];
  actions: StaffActions;
  /** The "Rol toevoegen" button, so the row can return focus to it. */
  triggerRef?: Ref<HTMLButtonElement>;
}) {
  const { member, networks, actions, triggerRef } = props;
  const t = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A refused save moves focus to the first field in error, even below the visible part.
  const formRef = useFocusFirstInvalid<HTMLFormElement>(failure);
  const held = new Set(member.roles.map((role) => role.networkId));
  const available = networks.filter((network) => !held.has(network.id));
  const network = available.find((candidate) => candidate.id === draft.networkId) ?? null;
  const serverErrors = fieldErrorsOf(failure, t);

  const changeOpen = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    if (!next) {
      setDraft(EMPTY);
      setMissing(false);
      setFailure(null);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!network || !draft.role) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await actions.addRole(member, network, draft.role);
      setBusy(false);
      changeOpen(false);
    } catch (error) {
      setBusy(false);
      setFailure(error);
    }
  };

  const networkError = missing && !network ? t('roles.add.pickNetwork') : serverErrors['path.networkId'];
  const roleError = missing && !draft.role ? t('roles.add.pickRole') : serverErrors['body.role'];
  // Anything the fields cannot show (a conflict, a lost connection, an error about another field) goes below them.
  const unplaced = failure !== null && !serverErrors['path.networkId'] && !serverErrors['body.role'];
  const guard = useFormDialogGuard({ open, form: draft, onOpenChange: changeOpen });
  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogTrigger disableButtonEnhancement>
        <Button
          ref={triggerRef}
          size="small"
          disabledFocusable={available.length === 0}
          aria-label={t('roles.add.label', { name: member.displayName })}
        >
          {t('roles.add.open')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        {guard.confirmation}
        <form ref={formRef} onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('roles.add.title', { name: member.displayName })}</DialogTitle>
            <DialogContent className={styles.form}>
              <Field
                label={t('roles.add.network')}
                required
                validationMessage={networkError}
                validationState={networkError ? 'error' : 'none'}
              >
                <NetworkDropdown
                  networks={available}
                  value={network}
                  onChange={(networkId) => setDraft((current) => ({ ...current, networkId }))}
                />
              </Field>
              <Field
                label={t('roles.add.role')}
                required
                validationMessage={roleError}
                validationState={roleError ? 'error' : 'none'}
              >
                <RoleDropdown
                  placeholder={t('roles.add.rolePlaceholder')}
                  value={draft.role}
                  onChange={(role) => setDraft((current) => ({ ...current, role }))}
                />
              </Field>
              {unplaced && <ErrorState title={t('roles.add.failed')} error={failure} />}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabledFocusable={busy}>
                {t('roles.add.submit')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button disabledFocusable={busy}>{t('common.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
