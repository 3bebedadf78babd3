import { tenantOf } from './actor.js';

/** Why an activity's tenant is refused, or null when the bot serves it. */
export type TenantRefusal = { tenantId: string | null } | null;

/**
 * The tenants whose users the bot answers: the sign-in allow-list (AAD_ALLOWED_TENANTS) where Entra sign-in
 * is configured, otherwise the bot's own tenant and those of BOT_TENANT_BOTS. Null: no gate (the local playground, or a bot without a
 * tenant of its own), as before.
 */
export function servedTenants(config: {
  aad: { allowedTenants: readonly string[] } | null;
  bot: { tenantId?: string | undefined; tenantBots?: readonly { tenantId: string }[] } | null;
}): ReadonlySet<string> | null {
  if (!config.bot) return null;
  if (config.aad) return new Set(config.aad.allowedTenants.map((tenant) => tenant.toLowerCase()));
  if (!config.bot.tenantId) return null;
  const tenants = [config.bot.tenantId, ...(config.bot.tenantBots ?? []).map((bot) => bot.tenantId)];
  return new Set(tenants.map((tenant) => tenant.toLowerCase()));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks an authenticated activity's tenant against the served set. A valid Bot Framework token only says the
 * activity came through the channel for our bot; a Teams user of any tenant can reach a bot that is
 * installed for them (or a guest's home tenant can show up), so the tenant is checked here, once, before any
 * handler reads the actor. An activity without a tenant passes: it names no Teams user to act as (the actor
 * parser refuses it).
 */
export function refuseTenant(
  activity: Parameters<typeof tenantOf>[0],
  served: ReadonlySet<string> | null,
): TenantRefusal {
  if (!served) return null;
  const tenant = tenantOf(activity);
  if (tenant === undefined || tenant === null) return null;
  const text = typeof tenant === 'string' ? tenant.toLowerCase() : null;
  if (text !== null && served.has(text)) return null;
  return { tenantId: text !== null && UUID.test(text) ? text : null };
}
