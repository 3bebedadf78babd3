import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Option,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import type { RoleName } from '../../tab/api/endpoints.js';
import { ErrorState } from '../../tab/components/error-state.js';
import { fieldErrorsOf } from '../../tab/components/field-errors.js';
import { validation } from '../../tab/components/form-ui.js';
import { organisationName } from '../../tab/components/organisation-names.js';
import { useFocusFirstInvalid } from '../../tab/components/use-focus-first-invalid.js';
import { useT } from '../../tab/i18n/use-t.js';
import { NetworkDropdown } from './network-dropdown.js';
import { RoleDropdown } from './role-dropdown.js';
import type { StaffTenant } from './role-endpoints.js';
import type { NetworkOption, StaffActions } from './staff-actions.js';

/** What `POST /staff/external` accepts (src/identity/schemas.ts). */
const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '480px' },
  pair: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  half: { flexGrow: 1, flexBasis: '200px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Draft {
  tenantId: string | null;
  displayName: string;
  email: string;
  networkId: string | null;
  role: RoleName | null;
}

const emptyDraft = (tenants: readonly StaffTenant[]): Draft => ({
  // One other organisation (the usual case: the police) is chosen already.
  tenantId: tenants.length === 1 ? (tenants[0]?.tenantId ?? null) : null,
  displayName: '',
  email: '',
  networkId: null,
  role: null,
});

/**
 * "Toevoegen met e-mailadres": adds a colleague of another allowed organisation (the police) who is not found in
 * the directory search, because that organisation does not allow the search or the colleague never signed in.
 * Optionally gives them a role in a network at once. The server checks the address; its field errors appear
 * beside the fields, in the tab's language, and the input stays.
 */
export function ExternalColleagueForm(props: {
  /** The tenants other than the home tenant: the only ones whose staff are added by e-mail. */
  tenants: readonly StaffTenant[];
  networks: NetworkOption[];
  actions: StaffActions;
}) {
  const { tenants, networks, actions } = props;
  const t = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(tenants));
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // Counts refused attempts (by the form or the server), so focus moves to the first field in error each time.
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(attempt);

  if (tenants.length === 0)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('external.noTenant')}</MessageBarBody>
      </MessageBar>
    );

  const tenant = tenants.find((candidate) => candidate.tenantId === draft.tenantId) ?? null;
  const network = networks.find((candidate) => candidate.id === draft.networkId) ?? null;
  const server = fieldErrorsOf(failure, t);
  const local = {
    tenantId: checked && !tenant ? t('external.pickOrganisation') : undefined,
    displayName: checked && draft.displayName.trim() === '' ? t('external.nameMissing') : undefined,
    email: checked && draft.email.trim() === '' ? t('external.emailMissing') : undefined,
    // A role is given in a network: both or neither.
    networkId: checked && !network && draft.role ? t('roles.add.pickNetwork') : undefined,
    role: checked && network && !draft.role ? t('roles.add.pickRole') : undefined,
  };
  const errors = {
    tenantId: local.tenantId ?? server['body.tenantId'],
    displayName: local.displayName ?? server['body.displayName'],
    email: local.email ?? server['body.email'],
    networkId: local.networkId ?? server['path.networkId'],
    role: local.role ?? server['body.role'],
  };
  const placed = ['body.tenantId', 'body.displayName', 'body.email', 'path.networkId', 'body.role'];
  const unplaced = failure !== null && !placed.some((field) => server[field]);
  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setFailure(null);
    const displayName = draft.displayName.trim();
    const email = draft.email.trim();
    if (!tenant || !displayName || !email || Boolean(network) !== Boolean(draft.role)) {
      setAttempt((count) => count + 1);
      return;
    }
    setBusy(true);
    try {
      await actions.addExternal(
        { tenantId: tenant.tenantId, displayName, email },
        network && draft.role ? { network, role: draft.role } : null,
      );
      setDraft(emptyDraft(tenants));
      setChecked(false);
    } catch (error) {
      setFailure(error);
      setAttempt((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate>
      <Text>{t('external.intro')}</Text>
      <Field label={t('external.organisation')} required {...validation(errors.tenantId)}>
        <Dropdown
          placeholder={t('external.organisationPlaceholder')}
          value={tenant ? organisationName(t, tenants, tenant) : ''}
          selectedOptions={tenant ? [tenant.tenantId] : []}
          onOptionSelect={(_event, data) => data.optionValue && change({ tenantId: data.optionValue })}
        >
          {tenants.map((option) => (
            <Option key={option.tenantId} value={option.tenantId}>
              {organisationName(t, tenants, option)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('external.name')} required {...validation(errors.displayName)}>
        <Input
          value={draft.displayName}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="off"
          onChange={(_event, data) => change({ displayName: data.value })}
        />
      </Field>
      <Field
        label={t('external.email')}
        hint={t('external.emailHint')}
        required
        {...validation(errors.email)}
      >
        <Input
          type="email"
          value={draft.email}
          maxLength={MAX_EMAIL_LENGTH}
          autoComplete="off"
          onChange={(_event, data) => change({ email: data.value })}
        />
      </Field>
      <div className={styles.pair}>
        <Field
          className={styles.half}
          label={t('external.network')}
          hint={t('external.roleHint')}
          {...validation(errors.networkId)}
        >
          <NetworkDropdown
            networks={networks}
            value={network}
            onChange={(networkId) => change({ networkId })}
          />
        </Field>
        <Field className={styles.half} label={t('roles.add.role')} {...validation(errors.role)}>
          <RoleDropdown
            placeholder={t('roles.add.rolePlaceholder')}
            value={draft.role}
            onChange={(role) => change({ role })}
          />
        </Field>
      </div>
      {unplaced && <ErrorState title={t('external.failed')} error={failure} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy}>
          {t('external.submit')}
        </Button>
      </div>
    </form>
  );
}
