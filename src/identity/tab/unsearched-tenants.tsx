import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { organisationName } from '../../tab/components/organisation-names.js';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { StaffTenant, UnsearchedTenant } from './role-endpoints.js';

function reasonText(tenant: UnsearchedTenant): MessageId {
  if (tenant.reason === 'throttled' && tenant.retryAfterSeconds !== null)
    return 'directory.unsearched.throttledFor';
  return `directory.unsearched.${tenant.reason}`;
}

/**
 * Names every tenant (the police's, usually) whose staff are missing from the search's matches, and why, so
 * that fewer people found never looks like nobody there. A tenant is called by its name (AAD_TENANT_NAMES);
 * one without a name is "Politie" (or "Gemeente") with its tenant id below, so the administrator can tell which.
 */
export function UnsearchedTenants({
  unsearched,
  tenants,
}: {
  unsearched: UnsearchedTenant[];
  tenants: readonly StaffTenant[];
}) {
  const t = useT();
  return unsearched.map((tenant) => {
    const named = tenants.some((known) => known.tenantId === tenant.tenantId.toLowerCase() && known.name);
    return (
      <MessageBar key={tenant.tenantId} intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {t('directory.unsearched.title', { organisation: organisationName(t, tenants, tenant) })}
          </MessageBarTitle>
          {t(reasonText(tenant), { seconds: tenant.retryAfterSeconds ?? 0 })}
          {!named && (
            <>
              {' '}
              <Caption1>{t('directory.unsearched.tenant', { tenantId: tenant.tenantId })}</Caption1>
            </>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  });
}
