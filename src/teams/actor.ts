import { z } from 'zod';

/**
 * The Teams user behind an activity, as Entra names them: the tenant and the user's object id, both
 * lower-case uuids (the form the `users` table stores). Capability code looks staff up by these two.
 */
export interface TeamsActor {
  tenantId: string;
  aadObjectId: string;
}

/** The parts of an activity the actor is read from; any Bot Framework activity has this shape. */
export interface ActorSource {
  from?: { aadObjectId?: unknown } | null;
  conversation?: { tenantId?: unknown } | null;
  channelData?: unknown;
}

// Both columns are uuids; anything else cannot be a known user and must not reach a query.
const actorIds = z.object({ tenantId: z.uuid(), aadObjectId: z.uuid() });
const teamsChannelData = z.object({ tenant: z.object({ id: z.unknown() }).optional() }).catch({});

/**
 * The tenant of an activity. Precedence, one rule for the whole bot: Teams' own `channelData.tenant.id`
 * first, then `conversation.tenantId`, the Bot Framework's copy of it (Teams sends both and they agree;
 * other senders may leave out either). Conversation references are stored with the same rule.
 */
export function tenantOf(activity: ActorSource): unknown {
  const channelData = teamsChannelData.parse(activity.channelData ?? {});
  return channelData.tenant?.id ?? activity.conversation?.tenantId;
}

/** The actor of an activity, or null when its tenant or object id is missing or not a uuid. */
export function actorOf(activity: ActorSource): TeamsActor | null {
  const parsed = actorIds.safeParse({
    tenantId: tenantOf(activity),
    aadObjectId: activity.from?.aadObjectId,
  });
  if (!parsed.success) return null;
  return { tenantId: parsed.data.tenantId.toLowerCase(), aadObjectId: parsed.data.aadObjectId.toLowerCase() };
}
