/**
 * Call-out limits and rules shared by the API's schemas, the answer rule, the alert card, the bot's start form and
 * the tab: zod-free and import-free, so the tab can import them instead of copying the numbers or the rule.
 */

/** The longest note a staff member can add to an answer. */
export const NOTE_MAX_LENGTH = 500;

/**
 * The latest arrival a staff member can give, in minutes. 600 is what the API has always documented
 * (`StaffAnswerInput.etaMinutes` in the OpenAPI document) and the tab enforced; the card used to stop at
 * 240, so an answer the tab accepted could not be given on the card.
 */
export const ETA_MAX_MINUTES = 600;

/**
 * Every kind of line the call-out's timeline (`call_out_events.kind`) can hold. `appendEvent` takes only these,
 * so a new kind is added here first, and the labels of the tab and of the exports (typed by this list) follow.
 */
export const CALL_OUT_EVENT_KINDS = [
  'started',
  'delivery-sent',
  'delivery-failed',
  'delivery-unreachable',
  'app-installed',
  'app-install-failed',
  'answered',
  'answer-changed',
  'call-recorded',
  'escalated-to-backup',
  'escalated-to-next-group',
  'reminders-queued',
  'meeting-requested',
  'meeting-created',
  'meeting-failed',
  'meeting-invites-added',
  'meeting-update-failed',
  'meeting-mail-sent',
  'meeting-mail-failed',
  'answer-link-mailed',
  'answer-link-mail-failed',
  'answer-link-used',
  'closed',
  'follow-up-planned',
] as const;

/** A kind of timeline line, e.g. `delivery-sent` or `meeting-mail-sent`. */
export type CallOutEventKind = (typeof CALL_OUT_EVENT_KINDS)[number];

/*
 * Which wijken a call-out form offers — one rule for the tab's form and the bot's card form, zod-free
 * so both can import it (docs/call-outs.md, "Which wijken the start form offers").
 *
 * A starter is offered the wijken they can start a call-out for on their own: those of the networks
 * where they are coordinator or member (a network's area is a district, meaning all its wijken, or a
 * single wijk), never an archived wijk or a wijk of an archived network. Administrators are offered
 * every wijk that is not archived, also those no network covers (the form then says so).
 */

/** Network roles that may start a call-out (besides administrators). */
export const CALL_OUT_STARTER_ROLES: readonly string[] = ['coordinator', 'member'];

/** A network as the rule needs it: its area, its state and the starter's role in it. */
export interface StartPlaceNetwork {
  areaId: string;
  status: string;
  myRole: string | null;
}

/** A wijk (neighbourhood) with its district. */
export interface StartPlaceWijk {
  id: string;
  districtId: string | null;
  archived: boolean;
}

/** Whether the call-out form offers this wijk to this starter. Pure. */
export function offersWijk(
  wijk: StartPlaceWijk,
  networks: readonly StartPlaceNetwork[],
  isAdministrator: boolean,
): boolean {
  if (wijk.archived) return false;
  if (isAdministrator) return true;
  return networks.some(
    (network) =>
      network.status !== 'archived' &&
      network.myRole !== null &&
      CALL_OUT_STARTER_ROLES.includes(network.myRole) &&
      (network.areaId === wijk.id || network.areaId === wijk.districtId),
  );
}
