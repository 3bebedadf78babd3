import type { MessageId } from '../../../tab/i18n/messages.nl.js';
import type { SignalChannel, SignalStatus, SignalUrgency } from '../../constants.js';

export const urgencyMessage: Record<SignalUrgency, MessageId> = {
  information: 'signals.urgency.information',
  attention: 'signals.urgency.attention',
  urgent: 'signals.urgency.urgent',
};
export const channelMessage: Record<SignalChannel, MessageId> = {
  phone: 'signals.channel.phone',
  app: 'signals.channel.app',
  visit: 'signals.channel.visit',
  meeting: 'signals.channel.meeting',
  email: 'signals.channel.email',
};
export const statusMessage: Record<SignalStatus, MessageId> = {
  open: 'signals.status.open',
  in_progress: 'signals.status.in_progress',
  done: 'signals.status.done',
  not_taken_up: 'signals.status.not_taken_up',
};
export const trendMessage: Record<'up' | 'down' | 'steady', MessageId> = {
  up: 'thermometer.trend.up',
  down: 'thermometer.trend.down',
  steady: 'thermometer.trend.steady',
};

/** A theme's label in the tab's language, or its code when unknown. */
export function themeLabel(
  themes: readonly { code: string; labelNl: string; labelEn: string }[],
  code: string,
  locale: string,
): string {
  const theme = themes.find((t) => t.code === code);
  if (!theme) return code;
  return locale.startsWith('en') ? theme.labelEn : theme.labelNl;
}
