import { messagesCallOutsEn } from '../../call-outs/tab/i18n/messages-call-outs.en.js';
import { messagesConveneEn } from '../../call-outs/tab/i18n/messages-convene.en.js';
import { messagesHandOverEn } from '../../continuity/tab/i18n/messages-hand-over.en.js';
import { messagesEvaluationEn } from '../../evaluation/tab/i18n/messages-evaluation.en.js';
import { messagesMeetingsEn } from '../../meetings/tab/i18n/messages-meetings.en.js';
import { insightMessagesEn } from '../../network/tab/i18n/messages-insight.en.js';
import { messagesNetworkEn } from '../../network/tab/i18n/messages-network.en.js';
import { messagesSetupNetworksEn } from '../../setup/tab/i18n/messages-setup-networks.en.js';
import { messagesSignalsEn } from '../../signals/tab/i18n/messages-signals.en.js';
import type { FirstMessageId } from './messages.nl.js';
import { messagesFieldErrorsEn } from './messages-field-errors.en.js';

/** English texts of the shell and the first pages: the keys of messages-first.nl.ts, which the type check enforces. */
export const messagesFirstEn: Record<FirstMessageId, string> = {
  ...insightMessagesEn,
  ...messagesFieldErrorsEn,
  ...messagesSignalsEn,
  'app.name': 'Bondgenoten',
  'app.loading': 'Loading…',
  'cardPreview.loading': 'Loading the card…',
  'cardPreview.failed': 'The card could not be shown.',
  'cardPreview.caption': 'This is how the card looks in Teams. Its buttons do nothing in this preview.',
  'app.skipToContent': 'Skip to content',
  'nav.label': 'Main menu',
  'nav.meetings': 'Meetings',
  'nav.callOuts': 'Call-outs',
  'nav.overview': 'Network map',
  'header.rolesLabel': 'Your roles',
  'header.noRoles': 'No role in any network',
  'header.signOut': 'Sign out',
  'language.groupLabel': 'Language',
  'language.nl.short': 'NL',
  'language.nl.name': 'NL – Nederlands',
  'language.en.short': 'EN',
  'language.en.name': 'EN – English',
  'organisation.gemeente': 'Municipality',
  'organisation.politie': 'Police',
  'organisation.none': 'No organisation recorded',
  'role.coordinator': 'Coordinator',
  'role.member': 'Member',
  'role.secretary': 'Secretary',
  'role.viewer': 'Viewer',
  'role.inNetwork': '{role} · {network}',
  'status.starting': 'Starting up',
  'status.active': 'Active',
  'status.paused': 'Paused',
  'signIn.title': 'Sign in',
  'signIn.demoBannerTitle': 'Local demo environment — all data is fictional.',
  'signIn.demoBannerBody':
    'People, networks and neighbourhood data are made up. In Microsoft Teams you are signed in automatically with your own account.',
  'signIn.intro': 'Choose a demo staff member to see the app as that person sees it.',
  'signIn.listLabel': 'Demo staff',
  'signIn.failed': 'Signing in failed',
  'signIn.noStaff': 'There are no demo staff members. Start the server with SEED_DEMO=true.',
  'openInTeams.title': 'Open Bondgenoten in Microsoft Teams',
  'openInTeams.body':
    'This environment uses single sign-on through Microsoft Teams. Open the Bondgenoten app in Teams to continue.',
  'session.failedTitle': 'Bondgenoten could not start',
  'overview.title': 'Network map – overview',
  'overview.documentTitle': 'Network map – Bondgenoten',
  'overview.intro':
    'The neighbourhoods and the networks of allies per district. You only see the number of allies in networks where you have a role.',
  'overview.summary':
    '{districts, plural, one {# district} other {# districts}}: {withNetwork} with a network and {withoutNetwork} without',
  'overview.noMunicipalities': 'No municipality has been set up yet.',
  'district.neighbourhoods': '{count, plural, one {# neighbourhood} other {# neighbourhoods}}',
  'district.noNeighbourhoods': 'No neighbourhoods recorded yet.',
  'district.networks': 'Networks',
  'district.noNetwork': 'No network yet',
  'district.noNetworkHelp': 'This district has no network of allies yet: a blank spot on the map.',
  'network.founded': 'Founded',
  'network.notFounded': 'Not founded yet',
  'network.myRole': 'Your role',
  'network.noRole': 'No role',
  'network.allies': 'Allies',
  'network.allyCount': '{count, plural, one {# ally} other {# allies}}',
  'network.noAccess': 'No access',
  'network.warnings': 'Points of attention',
  'network.noWarnings': 'No points of attention',
  'network.noAccessHelp': 'Only people with a role in this network see who is in it (need-to-know).',
  'nav.admin': 'Administration',
  'header.administrator': 'Administrator',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'formDialog.discardTitle': 'Discard what you entered?',
  'formDialog.discardBody': 'You have not saved yet. If you close this window, what you entered is lost.',
  'formDialog.discard': 'Discard',
  'formDialog.keep': 'Keep editing',
  'page.toOverview': 'Go to the network map',
  'noAccess.title': 'No access',
  'noAccess.body':
    'This page is for functional administrators only. If you think you should have access, ask your municipality’s functional administrator.',
  'notFound.title': 'Page not found',
  'notFound.body': 'This page does not exist (any more). The link may be out of date.',
  'error.title': 'Something went wrong',
  'error.retry': 'Try again',
  'error.network': 'The server cannot be reached. Check your connection and try again.',
  'error.unexpected': 'Unexpected answer from the server (status {status}).',
  'config.title': 'Add Bondgenoten to this channel',
  'config.documentTitle': 'Set up tab – Bondgenoten',
  'config.inTeams':
    'The tab shows the network map: the neighbourhoods and networks of allies per district. Select Save to add it.',
  'config.inMeeting':
    'In this meeting the tab shows the meeting or call-out it belongs to: the record, the chair and the agenda items, or the state of the call-out. Select Save to add it.',
  'config.notInTeams':
    'This page is meant for Microsoft Teams, where it adds Bondgenoten as a tab to a channel.',
  'config.toOverview': 'Go to the network map',
  'config.tabName': 'Bondgenoten',
  'config.saveFailed': 'The tab could not be saved. Please try again.',
  ...messagesNetworkEn,
  ...messagesEvaluationEn,
  ...messagesHandOverEn,
  ...messagesMeetingsEn,
  ...messagesCallOutsEn,
  ...messagesConveneEn,
  ...messagesSetupNetworksEn,
};
