/**
 * The signals' vocabularies, zod-free so the tab imports them instead of copying them.
 */

/** How a signal or contact came in. */
export const SIGNAL_CHANNELS = ['phone', 'app', 'visit', 'meeting', 'email'] as const;
export type SignalChannel = (typeof SIGNAL_CHANNELS)[number];

/** How pressing a signal is: information, attention, or urgent (an urgent one may lead to a call-out). */
export const SIGNAL_URGENCIES = ['information', 'attention', 'urgent'] as const;
export type SignalUrgency = (typeof SIGNAL_URGENCIES)[number];

/** Where a signal's follow-up stands. `not_taken_up` needs a reason. */
export const SIGNAL_STATUSES = ['open', 'in_progress', 'done', 'not_taken_up'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** A follow-up is due this many days after the signal came in unless the owner sets another date. */
export const SIGNAL_FOLLOW_UP_DAYS = 14;

/** The sfeerbeeld report suppresses every cell counting fewer signals than this (re-identification). */
export const REPORT_MIN_COUNT = 5;

/** The thermometer's time buckets. */
export const THERMOMETER_GRAINS = ['week', 'month'] as const;
export type ThermometerGrain = (typeof THERMOMETER_GRAINS)[number];

/** Urgency weights for the thermometer's pressure score: information 1, attention 2, urgent 4. */
export const URGENCY_WEIGHT: Readonly<Record<SignalUrgency, number>> = {
  information: 1,
  attention: 2,
  urgent: 4,
};
