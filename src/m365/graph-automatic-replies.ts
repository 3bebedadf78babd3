import { GraphError } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AutomaticReplies, AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';
import { type TenantGraphClients, tenantRefusalOf } from './tenant-clients.js';

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() });

/** The part of `automaticRepliesSetting` we read; the reply messages are never kept. */
const settingSchema = z.object({
  status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']),
  scheduledStartDateTime: dateTimeTimeZone.nullish(),
  scheduledEndDateTime: dateTimeTimeZone.nullish(),
});

/**
 * Windows time zone names Outlook uses for the Netherlands and its neighbours, as IANA zones. Graph answers
 * `UTC` for mailbox settings unless the mailbox says otherwise; an unknown Windows name is reported, not guessed.
 */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Brussels',
  'GMT Standard Time': 'Europe/London',
};

/** A Graph `dateTimeTimeZone` as an instant, or null when its zone is neither known Windows nor IANA. */
export function instantOf(value: { dateTime: string; timeZone: string }): Date | null {
  const zone = WINDOWS_ZONES[value.timeZone] ?? value.timeZone;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/**
 * Outlook's automatic replies through Microsoft Graph
 * (`GET /users/{id}/mailboxSettings/automaticRepliesSetting`, application permission MailboxSettings.Read), read in
 * the staff member's own tenant: the municipality's staff with the home tenant's app-only token, the police's with
 * the police tenant's, for every tenant in AAD_ALLOWED_TENANTS whose administrator consented to the app. A tenant
 * outside that list is refused without a request; Entra's refusal in a tenant that has not consented is reported
 * as such (`tenant-not-consented`), with nothing of its answer passed on.
 */
export class GraphAutomaticReplies implements AutomaticRepliesPort {
  /** The app-only clients of the tenants whose staff may be read (the home tenant and AAD_ALLOWED_TENANTS). */
  constructor(private readonly tenants: TenantGraphClients) {}

  async read(user: { tenantId: string; aadObjectId: string }): Promise<AutomaticReplies> {
    const tenantId = user.tenantId.toLowerCase();
    if (!this.tenants.allows(tenantId)) return { state: 'refused', reason: 'tenant-not-allowed' };
    let body: unknown;
    try {
      body = await this.tenants
        .client(tenantId)
        .api(`/users/${encodeURIComponent(user.aadObjectId)}/mailboxSettings/automaticRepliesSetting`)
        .get();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404)
        return { state: 'unavailable', reason: 'no-mailbox' };
      if (error instanceof GraphError && error.statusCode === 403)
        return { state: 'unavailable', reason: 'not-permitted' };
      const failure = translateGraphFailure(error);
      const refusal = tenantRefusalOf(failure);
      if (refusal) return { state: 'refused', reason: refusal };
      throw failure;
    }
    const setting = settingSchema.safeParse(body);
    if (!setting.success) throw new GraphRequestError(200, 'UnexpectedResponseShape');
    const { status, scheduledStartDateTime, scheduledEndDateTime } = setting.data;
    if (status === 'disabled') return { state: 'off' };
    if (status === 'alwaysEnabled') return { state: 'always' };
    const start = scheduledStartDateTime ? instantOf(scheduledStartDateTime) : null;
    const end = scheduledEndDateTime ? instantOf(scheduledEndDateTime) : null;
    if (!start || !end) return { state: 'unavailable', reason: 'time-zone' };
    return { state: 'scheduled', start, end };
  }
}
