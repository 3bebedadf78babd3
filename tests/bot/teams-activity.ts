import { randomUUID } from 'node:crypto';

/** A fictional tenant and bot, used by every bot test. */
export const TENANT_ID = '9e3b7c2a-4d1f-4a8e-b6c5-2f0d1e9a7b34';
export const BOT_APP_ID = '5a1c8e3f-7b2d-4c9e-a0f6-3d8b2e1c4f70';
export const BOT_CHANNEL_ID = `28:${BOT_APP_ID}`;

/** A Teams user as activities name them: a channel id and an Entra object id. */
export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/** A new fictional user, unique per call so tests never share conversation rows. */
export function buildTeamsUser(): TeamsUser {
  return { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: 'Fictieve Medewerker' };
}

/**
 * A Teams-shaped activity as the channel POSTs it to the bot, in a personal (1:1) chat; `overrides`
 * replace top-level fields.
 */
export function buildTeamsActivity(
  serviceUrl: string,
  overrides: Record<string, unknown> & { user?: TeamsUser; conversationId?: string } = {},
): Record<string, unknown> {
  const { user = buildTeamsUser(), conversationId = `a:${randomUUID()}`, ...fields } = overrides;
  return {
    type: 'message',
    id: `${Date.now()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: '2025-03-01T09:15:00.000+01:00',
    channelId: 'msteams',
    serviceUrl,
    from: user,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    recipient: { id: BOT_CHANNEL_ID, name: 'Bondgenoten' },
    channelData: { tenant: { id: TENANT_ID } },
    entities: [
      { type: 'clientInfo', locale: 'nl-NL', country: 'NL', platform: 'Web', timezone: 'Europe/Amsterdam' },
    ],
    locale: 'nl-NL',
    textFormat: 'plain',
    text: 'help',
    ...fields,
  };
}

/** POSTs an activity to the bot endpoint the way the Bot Framework channel does. */
export function postActivity(
  serverUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
}

/**
 * The bot's replies to one activity. A proactive card (the due evaluation queued at start-up, a call-out alert)
 * may reach the same chat at any moment; a test of a command reads only what answered it.
 */
export function repliesTo<T extends { replyToActivityId: string | undefined }>(
  activities: readonly T[],
  activity: Record<string, unknown>,
): T[] {
  return activities.filter((sent) => sent.replyToActivityId === activity.id);
}
