import { auditLabelMessagesNl } from '../../audit/tab/i18n/messages-audit-labels.js';
import { messagesCallOutSettingsNl } from '../../call-outs/tab/i18n/messages-call-out-settings.nl.js';
import { messagesContinuityNl } from '../../continuity/tab/i18n/messages-continuity.nl.js';
import { messagesIntroductionNl } from '../../continuity/tab/i18n/messages-introduction.nl.js';
import { messagesPanelNl } from '../../meetings/tab/i18n/messages-panel.nl.js';
import { messagesPrivacyNl } from '../../privacy/tab/i18n/messages-privacy.nl.js';
import { messagesSelectionNl } from '../../selection/tab/i18n/messages-selection.nl.js';
import { messagesSetupNl } from '../../setup/tab/i18n/messages-setup.nl.js';
import { messagesSetupCommunitiesNl } from '../../setup/tab/i18n/messages-setup-communities.nl.js';
import { messagesAdminNl } from './messages-admin.nl.js';

/**
 * Dutch texts of the pages that are no first page (issue 21): administration, privacy, set-up, selection,
 * continuity, the meeting panel, the call-out settings. Loaded on demand, beside the code of such a page
 * (src/tab/i18n/catalogue.ts), so they stay out of the initial JS; src/tab/i18n/catalogue-split.test.ts proves that
 * the shell and the first pages use none of these keys.
 */
export const messagesMoreNl = {
  ...messagesAdminNl,
  ...auditLabelMessagesNl,
  ...messagesPrivacyNl,
  ...messagesSelectionNl,
  ...messagesContinuityNl,
  ...messagesIntroductionNl,
  ...messagesSetupNl,
  ...messagesSetupCommunitiesNl,
  ...messagesPanelNl,
  ...messagesCallOutSettingsNl,
};
