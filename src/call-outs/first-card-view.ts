import type { AlertCardView } from './contract.js';
import type { StartCallOutInput } from './schemas.js';

/** The id a previewed card carries: the call-out does not exist yet, and the preview's buttons do nothing. */
export const PREVIEW_CALL_OUT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The view a staff recipient's card shows when it arrives, for a call-out not started yet: no answers, every
 * recipient pending, nothing sent. What differs per recipient is left out: the call list (the allies that
 * recipient is asked to phone), the absence mark and the refresh id.
 */
export function firstCardView(
  input: Pick<StartCallOutInput, 'kind' | 'urgency' | 'summary' | 'ask'>,
  names: { places: string[]; communities: string[] },
  recipients: number,
  startedAt: Date,
  goalAt: Date,
): AlertCardView {
  return {
    callOutId: PREVIEW_CALL_OUT_ID,
    version: 1,
    status: 'open',
    kind: input.kind,
    urgency: input.urgency,
    summary: input.summary,
    ask: input.ask,
    places: names.places,
    communities: names.communities,
    startedAt: startedAt.toISOString(),
    goalAt: goalAt.toISOString(),
    tally: { coming: 0, callingAllies: 0, unavailable: 0, pending: recipients },
    progress: { recipients, sent: 0, unreachable: 0, answered: 0 },
    answers: [],
    mine: null,
    callList: [],
    meeting: null,
    refreshUserIds: [],
  };
}
