import { useMemo } from 'react';
import type { ApiClient } from '../../tab/api/client.js';
import type { Me } from '../../tab/api/endpoints.js';
import type { Feedback } from '../../tab/components/feedback.js';
import { roleMessage } from '../../tab/components/labels.js';
import { useT } from '../../tab/i18n/use-t.js';
import {
  addExternalStaffMember,
  addStaffMember,
  assignNetworkRole,
  grantAdministrator,
  revokeAdministrator,
  revokeNetworkRole,
  type StaffWithRoles,
} from './role-endpoints.js';
import type { StaffActions } from './staff-actions.js';

/**
 * The Rollen page's actions: each calls the API, then reloads the staff list (and the header, when administrators
 * change their own roles) and reports success. Failures are thrown to the control that started them.
 */
export function useStaffActions(options: {
  api: ApiClient;
  me: Me;
  reload: () => Promise<void>;
  onMeChanged: () => Promise<void>;
  feedback: Feedback;
}): StaffActions {
  const { api, me, reload, onMeChanged, feedback } = options;
  const t = useT();

  return useMemo(() => {
    const settle = async (member: { id: string }, text: string) => {
      // The change itself succeeded; a reload that fails leaves the old table, not an error about the change.
      await Promise.allSettled([reload(), member.id === me.user.id ? onMeChanged() : undefined]);
      feedback.succeed(text);
    };
    const nameOf = (member: StaffWithRoles) => member.displayName;
    return {
      changeRole: async (member, role, next) => {
        await assignNetworkRole(api, role.networkId, member.id, next);
        const values = { name: nameOf(member), role: t(roleMessage[next]), network: role.networkName };
        await settle(member, t('roles.changed', values));
      },
      removeRole: async (member, role, successor) => {
        await revokeNetworkRole(api, role.networkId, member.id, successor?.id);
        const values = { name: nameOf(member), network: role.networkName };
        await settle(
          member,
          successor
            ? t('roles.removedForSuccessor', { ...values, successor: successor.displayName })
            : t('roles.removed', values),
        );
      },
      addRole: async (member, network, role) => {
        await assignNetworkRole(api, network.id, member.id, role);
        const values = { name: nameOf(member), role: t(roleMessage[role]), network: network.name };
        await settle(member, t('roles.added', values));
      },
      setAdministrator: async (member, isAdministrator) => {
        await (isAdministrator ? grantAdministrator(api, member.id) : revokeAdministrator(api, member.id));
        const text = isAdministrator ? 'roles.admin.granted' : 'roles.admin.revoked';
        await settle(member, t(text, { name: nameOf(member) }));
      },
      addFromDirectory: async (match) => {
        const member = await addStaffMember(api, match);
        await settle(member, t('directory.added', { name: member.displayName }));
        return member.id;
      },
      addExternal: async (colleague, grant) => {
        const member = await addExternalStaffMember(api, colleague);
        if (!grant) return settle(member, t('external.added', { name: member.displayName }));
        try {
          await assignNetworkRole(api, grant.network.id, member.id, grant.role);
        } catch (error) {
          // The colleague is staff now; the form empties, and the role can be given in the table.
          await Promise.allSettled([reload()]);
          feedback.fail(t('external.roleFailed', { name: member.displayName }), error);
          return;
        }
        const values = {
          name: member.displayName,
          role: t(roleMessage[grant.role]),
          network: grant.network.name,
        };
        await settle(member, t('external.addedWithRole', values));
      },
      reportFailure: feedback.fail,
    };
  }, [api, me.user.id, reload, onMeChanged, feedback, t]);
}
