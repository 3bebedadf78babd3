import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AutomaticReplies, AutomaticRepliesPort } from '../continuity/automatic-replies-port.js';
import { GraphRequestError, translateGraphFailure } from './graph-request-error.js';

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
 * (`GET /users/{id}/mailboxSettings/automaticRepliesSetting`, application permission MailboxSettings.Read),
 * for staff of the home tenant only: the app-only token is the home tenant's.
 */
export class GraphAutomaticReplies implements AutomaticRepliesPort {
  constructor(
    private readonly client: Client,
    private readonly homeTenantId: string,
  ) {}

  async read(user: { tenantId: string; aadObjectId: string }): Promise<AutomaticReplies> {
    if (user.tenantId.toLowerCase() !== this.homeTenantId.toLowerCase())
      return { state: 'unavailable', reason: 'other-tenant' };
    let body: unknown;
    try {
      body = await this.client
        .api(`/users/${encodeURIComponent(user.aadObjectId)}/mailboxSettings/automaticRepliesSetting`)
        .get();
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404)
        return { state: 'unavailable', reason: 'no-mailbox' };
      if (error instanceof GraphError && error.statusCode === 403)
        return { state: 'unavailable', reason: 'not-permitted' };
      throw translateGraphFailure(error);
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
