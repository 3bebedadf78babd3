import type { Activity } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { conversationReferenceFrom } from './conversation-reference.js';
import { findConversationReferences, saveConversationReference } from './conversation-store.js';

/**
 * The playground's chatting user, as `.m365agentsplayground.yml` declares them: the demo coordinator
 * Sanne Verhoef (tenant and object id of src/server/seed/demo-data.ts). A test keeps the two in step.
 */
export const PLAYGROUND_USER = {
  channelUserId: 'user-id-sanne',
  name: 'Sanne Verhoef',
  tenantId: '00000000-0000-4000-8000-0000000000a1',
  aadObjectId: '00000000-0000-4000-8000-000000000101',
  botId: '00000000-0000-0000-0000-00000000000011',
} as const;

/** The personal chat the remembered reference points at; the playground shows any chat's messages. */
export const PLAYGROUND_PERSONAL_CHAT = 'bondgenoten-local-personal-chat';

/**
 * On a fresh local run nobody has opened the playground yet, so the bot has no conversation with the
 * demo user and a call-out started in the tab reached nobody. The playground accepts proactive
 * messages before its page is opened and shows them once it is, so the demo user's personal chat is
 * remembered at start. Does nothing when a reference for that user exists (a real one wins). `findUser` is
 * identity's lookup of a staff member by tenant and object id, handed in by the composition root.
 */
export async function rememberPlaygroundUser(
  db: Kysely<Database>,
  serviceUrl: string,
  now: Date,
  findUser: (tenantId: string, objectId: string) => Promise<string | null | undefined>,
): Promise<'remembered' | 'already-known' | 'no-such-user'> {
  if (!(await findUser(PLAYGROUND_USER.tenantId, PLAYGROUND_USER.aadObjectId))) {
    return 'no-such-user';
  }
  const known = await findConversationReferences(db, PLAYGROUND_USER);
  if (known.length > 0) return 'already-known';
  const record = conversationReferenceFrom({
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-NL',
    from: {
      id: PLAYGROUND_USER.channelUserId,
      name: PLAYGROUND_USER.name,
      aadObjectId: PLAYGROUND_USER.aadObjectId,
    },
    recipient: { id: PLAYGROUND_USER.botId, name: 'Bondgenoten' },
    conversation: {
      id: PLAYGROUND_PERSONAL_CHAT,
      tenantId: PLAYGROUND_USER.tenantId,
      conversationType: 'personal',
    },
    channelData: { tenant: { id: PLAYGROUND_USER.tenantId } },
  } as Activity);
  if (!record) return 'no-such-user';
  await saveConversationReference(db, record, now);
  return 'remembered';
}
