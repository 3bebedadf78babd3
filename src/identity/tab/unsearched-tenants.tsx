import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { MessageId } from '../../tab/i18n/messages.nl.js';
import { useT } from '../../tab/i18n/use-t.js';
import type { UnsearchedTenant } from './role-endpoints.js';

const ORGANISATION: Record<UnsearchedTenant['organisation'], MessageId> = {
  gemeente: 'organisation.gemeente',
  politie: 'organisation.politie',
};

function reasonText(tenant: UnsearchedTenant): MessageId {
  if (tenant.reason === 'throttled' && tenant.retryAfterSeconds !== null)
    return 'directory.unsearched.throttledFor';
  return `directory.unsearched.${tenant.reason}`;
}

/**
 * Names every tenant (the police's, usually) whose staff are missing from the search's matches, and why, so
 * that fewer people found never looks like nobody there.
 */
export function UnsearchedTenants({ tenants }: { tenants: UnsearchedTenant[] }) {
  const t = useT();
  return tenants.map((tenant) => (
    <MessageBar key={tenant.tenantId} intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {t('directory.unsearched.title', { organisation: t(ORGANISATION[tenant.organisation]) })}
        </MessageBarTitle>
        {t(reasonText(tenant), { seconds: tenant.retryAfterSeconds ?? 0 })}{' '}
        <Caption1>{t('directory.unsearched.tenant', { tenantId: tenant.tenantId })}</Caption1>
      </MessageBarBody>
    </MessageBar>
  ));
}
