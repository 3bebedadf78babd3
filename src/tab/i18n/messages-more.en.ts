import { auditLabelMessagesEn } from '../../audit/tab/i18n/messages-audit-labels.js';
import { messagesCallOutSettingsEn } from '../../call-outs/tab/i18n/messages-call-out-settings.en.js';
import { messagesContinuityEn } from '../../continuity/tab/i18n/messages-continuity.en.js';
import { messagesIntroductionEn } from '../../continuity/tab/i18n/messages-introduction.en.js';
import { messagesPanelEn } from '../../meetings/tab/i18n/messages-panel.en.js';
import { messagesPrivacyEn } from '../../privacy/tab/i18n/messages-privacy.en.js';
import { messagesSelectionEn } from '../../selection/tab/i18n/messages-selection.en.js';
import { messagesSetupEn } from '../../setup/tab/i18n/messages-setup.en.js';
import { messagesSetupCommunitiesEn } from '../../setup/tab/i18n/messages-setup-communities.en.js';
import type { MoreMessageId } from './messages.nl.js';
import { messagesAdminEn } from './messages-admin.en.js';

/**
 * English texts of the pages that are no first page (issue 21): administration, privacy, set-up, selection,
 * continuity, the meeting panel, the call-out settings. Loaded on demand, beside the code of such a page
 * (src/tab/i18n/catalogue.ts), so they stay out of the initial JS; src/tab/i18n/catalogue-split.test.ts proves that
 * the shell and the first pages use none of these keys.
 */
export const messagesMoreEn: Record<MoreMessageId, string> = {
  ...messagesAdminEn,
  ...auditLabelMessagesEn,
  ...messagesPrivacyEn,
  ...messagesSelectionEn,
  ...messagesContinuityEn,
  ...messagesIntroductionEn,
  ...messagesSetupEn,
  ...messagesSetupCommunitiesEn,
  ...messagesPanelEn,
  ...messagesCallOutSettingsEn,
};
