import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { DomainError, type FieldError } from '../platform/errors.js';
import { zodFieldErrors } from '../platform/http/zod-field-errors.js';
import { unstorableText } from '../platform/unstorable-text.js';
import { type ServiceUrlPolicy, serviceUrlRefusal } from './service-url-policy.js';

// The fields the Bot Framework protocol requires on every activity sent to a bot; the rest passes through.
const activityEnvelope = z.looseObject({
  type: z.string({ message: 'must be the activity type' }).min(1, 'must be the activity type'),
  channelId: z.string({ message: 'must name the channel' }).min(1, 'must name the channel'),
  serviceUrl: z.url({ protocol: /^https?$/, message: 'must be the http(s) URL of the channel service' }),
  conversation: z.looseObject({ id: z.string({ message: 'must be the conversation id' }).min(1) }),
  from: z.looseObject({ id: z.string({ message: 'must be the sender id' }).min(1) }),
  recipient: z.looseObject({ id: z.string({ message: 'must be the recipient id' }).min(1) }),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  expiration: z.string().optional(),
});

function asDate(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

function refuse(errors: FieldError[]): never {
  throw new DomainError('validation-failed', 'The body is not a Bot Framework activity.', errors);
}

/**
 * Parses a POST /api/messages body into an activity, or throws a 400 naming each missing field. The
 * serviceUrl must pass `serviceUrls` (the bot answers there and stores it for proactive cards: anything
 * else is server-side request forgery), and no string may hold text PostgreSQL cannot store. Like the
 * SDK's own check it turns timestamps into dates and keeps the raw strings, which carry the sender's offset.
 */
export function parseActivity(body: unknown, serviceUrls: ServiceUrlPolicy): Activity {
  const parsed = activityEnvelope.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    refuse(zodFieldErrors('body', parsed.error));
  }
  const refusal = serviceUrlRefusal(parsed.data.serviceUrl, serviceUrls);
  if (refusal) refuse([{ field: 'body.serviceUrl', code: 'invalid', message: refusal }]);
  const unstorable = unstorableText('body', body);
  if (unstorable.length > 0) refuse(unstorable);
  const { timestamp, localTimestamp, expiration, ...rest } = parsed.data;
  const activity = {
    ...rest,
    ...(timestamp ? { timestamp: asDate(timestamp), rawTimestamp: timestamp } : {}),
    ...(localTimestamp ? { localTimestamp: asDate(localTimestamp), rawLocalTimestamp: localTimestamp } : {}),
    ...(expiration ? { expiration: asDate(expiration), rawExpiration: expiration } : {}),
  };
  // The required fields are checked above; the remaining ones are as optional for the SDK as they are for us.
  return activity as unknown as Activity;
}
