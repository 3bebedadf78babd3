import type { MessageId } from '../../tab/i18n/messages.nl.js';
import type { AuditEvent, AuditResult } from './audit-endpoints.js';

/** The message id of each result ("Gelukt", "Geweigerd", "Mislukt"). */
export const resultMessage: Record<AuditResult, MessageId> = {
  success: 'audit.result.success',
  denied: 'audit.result.denied',
  failed: 'audit.result.failed',
};

/** The message id of each channel an event came through. */
export const channelMessage: Record<AuditEvent['channel'], MessageId> = {
  tab: 'audit.channel.tab',
  bot: 'audit.channel.bot',
  api: 'audit.channel.api',
  job: 'audit.channel.job',
};
