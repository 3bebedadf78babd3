import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { tenantOf } from './actor.js';

/**
 * What we keep to reach a user or conversation later without them writing first (crisis call-outs,
 * meeting proposals): the Bot Framework conversation reference, minus display names we do not need.
 */
export const storedReferenceSchema = z.object({
  activityId: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  locale: z.string().optional(),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }),
  user: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), role: z.string().optional() }),
  conversation: z.object({
    id: z.string().min(1),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
});

/** A conversation reference as stored; shaped like botbuilder's `ConversationReference`. */
export type StoredReference = z.infer<typeof storedReferenceSchema>;

/** One row of `conversation_references`: the reference plus the columns we look it up by. */
export interface ConversationReferenceRecord {
  conversationId: string;
  channelUserId: string;
  aadObjectId: string | null;
  tenantId: string | null;
  conversationType: string | null;
  serviceUrl: string;
  reference: StoredReference;
}

// The parts of an incoming activity a reference needs; Teams always sends them, other senders may not.
const referenceSource = z.object({
  id: z.string().optional(),
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  locale: z.string().optional(),
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), role: z.string().optional() }),
  recipient: z.object({ id: z.string().min(1), name: z.string().optional() }),
  conversation: z.object({
    id: z.string().min(1),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  channelData: z
    .object({ tenant: z.object({ id: z.string().min(1) }).optional() })
    .optional()
    .catch(undefined),
});

/** The record to store for an activity, or null when the activity lacks what a reference needs. */
export function conversationReferenceFrom(activity: Activity): ConversationReferenceRecord | null {
  const parsed = referenceSource.safeParse(activity);
  if (!parsed.success) return null;
  const { id, channelId, serviceUrl, locale, from, recipient, conversation, channelData } = parsed.data;
  // The one tenant precedence of the bot (actor.ts): channelData.tenant.id, then conversation.tenantId.
  const tenant = tenantOf({ conversation, channelData });
  const tenantId = typeof tenant === 'string' && tenant !== '' ? tenant : null;
  return {
    conversationId: conversation.id,
    channelUserId: from.id,
    aadObjectId: from.aadObjectId ?? null,
    tenantId,
    conversationType: conversation.conversationType ?? null,
    serviceUrl,
    reference: storedReferenceSchema.parse({
      activityId: id,
      channelId,
      serviceUrl,
      locale,
      bot: recipient,
      user: from,
      conversation: { ...conversation, ...(tenantId ? { tenantId } : {}) },
    }),
  };
}
