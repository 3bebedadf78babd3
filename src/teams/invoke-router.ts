import type { Activity } from 'botbuilder';
import { actorOf } from './actor.js';
import {
  actionExecuteSchema,
  type CardActionContext,
  type CardActionResult,
  type CardVerbFamily,
} from './card-action.js';
import { localeOf } from './messages.js';

/** Reads `value.action.verb` without judging the rest; null when it is not a string. */
function verbOf(value: unknown): string | null {
  const verb = (value as { action?: { verb?: unknown } } | null | undefined)?.action?.verb;
  return typeof verb === 'string' ? verb : null;
}

function contextOf(activity: Activity, automatic: boolean): CardActionContext {
  const conversationType = activity.conversation?.conversationType;
  return {
    actor: actorOf(activity),
    locale: localeOf(activity.locale),
    automatic,
    conversationType: typeof conversationType === 'string' ? conversationType : null,
    activityId: typeof activity.id === 'string' ? activity.id.slice(0, 200) : null,
  };
}

/** Routes an invoke to the family whose prefix its verb starts with; null when none claims it. */
export type InvokeRouter = (activity: Activity) => Promise<CardActionResult | null>;

/**
 * The one router for Universal Actions (`adaptiveCard/action`), keyed by verb: the family is chosen by
 * the verb's prefix, the value checked with the one Action.Execute schema, the data with the verb's own
 * schema, and the actor read by `actorOf`. Whatever fails goes to the family's `refuse`, so every action
 * of a known family is answered with that family's card; an invoke no family claims returns null.
 */
export function createInvokeRouter(families: readonly CardVerbFamily[]): InvokeRouter {
  return async (activity) => {
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return null;
    const verb = verbOf(activity.value);
    const family =
      verb === null
        ? families.find((candidate) => candidate.answersUnreadableVerbs)
        : families.find((candidate) => verb.startsWith(candidate.prefix));
    if (!family) return null;
    const envelope = actionExecuteSchema.safeParse(activity.value);
    const automatic = envelope.success && envelope.data.trigger === 'automatic';
    const context = contextOf(activity, automatic);
    if (!envelope.success)
      return family.refuse({ ...context, verb, reason: 'envelope', issues: [], data: undefined });
    const { data } = envelope.data.action;
    const registered = family.verbs.find((candidate) => candidate.verb === verb);
    if (!registered) return family.refuse({ ...context, verb, reason: 'verb', issues: [], data });
    const parsed = registered.dataSchema.safeParse(data);
    if (!parsed.success)
      return family.refuse({ ...context, verb, reason: 'data', issues: parsed.error.issues, data });
    return registered.handle({ ...context, verb: registered.verb, data: parsed.data });
  };
}
