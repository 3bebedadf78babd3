import { messagesCallOutsNl } from '../../call-outs/tab/i18n/messages-call-outs.nl.js';
import { messagesConveneNl } from '../../call-outs/tab/i18n/messages-convene.nl.js';
import { messagesHandOverNl } from '../../continuity/tab/i18n/messages-hand-over.nl.js';
import { messagesEvaluationNl } from '../../evaluation/tab/i18n/messages-evaluation.nl.js';
import { messagesMeetingsNl } from '../../meetings/tab/i18n/messages-meetings.nl.js';
import { insightMessagesNl } from '../../network/tab/i18n/messages-insight.nl.js';
import { messagesNetworkNl } from '../../network/tab/i18n/messages-network.nl.js';
import { messagesSetupNetworksNl } from '../../setup/tab/i18n/messages-setup-networks.nl.js';
import { messagesSignalsNl } from '../../signals/tab/i18n/messages-signals.nl.js';
import { messagesFieldErrorsNl } from './messages-field-errors.nl.js';

/**
 * Dutch texts of the shell and the first pages (issue 21: the overview, a network, its meetings, a call-out), in the
 * initial JS; the other pages' texts are in messages-more.nl.ts, loaded on demand. catalogue-split.test.ts proves
 * that every text the shell and the first pages use is here.
 */
export const messagesFirstNl = {
  ...insightMessagesNl,
  ...messagesFieldErrorsNl,
  ...messagesSignalsNl,
  'app.name': 'Bondgenoten',
  'app.loading': 'Bezig met laden…',
  'cardPreview.loading': 'Kaart wordt geladen…',
  'cardPreview.failed': 'De kaart kon niet worden getoond.',
  'cardPreview.caption': 'Zo ziet de kaart eruit in Teams. De knoppen werken niet in dit voorbeeld.',
  'app.skipToContent': 'Naar de inhoud',
  'nav.label': 'Hoofdmenu',
  'nav.meetings': 'Overleggen',
  'nav.callOuts': 'Crisisoproepen',
  'nav.overview': 'Netwerkkaart',
  'header.rolesLabel': 'Jouw rollen',
  'header.noRoles': 'Geen rol in een netwerk',
  'header.signOut': 'Afmelden',
  'language.groupLabel': 'Taal',
  'language.nl.short': 'NL',
  'language.nl.name': 'NL – Nederlands',
  'language.en.short': 'EN',
  'language.en.name': 'EN – English',
  'organisation.gemeente': 'Gemeente',
  'organisation.politie': 'Politie',
  'organisation.none': 'Geen organisatie vastgelegd',
  'role.coordinator': 'Coördinator',
  'role.member': 'Lid',
  'role.secretary': 'Secretaris',
  'role.viewer': 'Meekijker',
  'role.inNetwork': '{role} · {network}',
  'status.starting': 'In opbouw',
  'status.active': 'Actief',
  'status.paused': 'Gepauzeerd',
  'signIn.title': 'Aanmelden',
  'signIn.demoBannerTitle': 'Lokale demo-omgeving — alle gegevens zijn fictief.',
  'signIn.demoBannerBody':
    'Personen, netwerken en wijkgegevens zijn verzonnen. In Microsoft Teams meld je je automatisch aan met je eigen account.',
  'signIn.intro': 'Kies een demo-medewerker om de app te bekijken zoals die persoon hem ziet.',
  'signIn.listLabel': 'Demo-medewerkers',
  'signIn.failed': 'Aanmelden is mislukt',
  'signIn.noStaff': 'Er zijn geen demo-medewerkers. Start de server met SEED_DEMO=true.',
  'openInTeams.title': 'Open Bondgenoten in Microsoft Teams',
  'openInTeams.body':
    'Deze omgeving gebruikt eenmalige aanmelding via Microsoft Teams. Open de app Bondgenoten in Teams om verder te gaan.',
  'session.failedTitle': 'Bondgenoten kon niet starten',
  'overview.title': 'Netwerkkaart – overzicht',
  'overview.documentTitle': 'Netwerkkaart – Bondgenoten',
  'overview.intro':
    'Per stadsdeel de wijken en de bondgenotennetwerken. Het aantal bondgenoten zie je alleen bij netwerken waarin je een rol hebt.',
  'overview.summary':
    '{districts, plural, one {# stadsdeel} other {# stadsdelen}}, waarvan {withNetwork} met een netwerk en {withoutNetwork} zonder',
  'overview.noMunicipalities': 'Er is nog geen gemeente ingericht.',
  'district.neighbourhoods': '{count, plural, one {# wijk} other {# wijken}}',
  'district.noNeighbourhoods': 'Nog geen wijken vastgelegd.',
  'district.networks': 'Netwerken',
  'district.noNetwork': 'Nog geen netwerk',
  'district.noNetworkHelp': 'Dit stadsdeel heeft nog geen bondgenotennetwerk: een witte vlek op de kaart.',
  'network.founded': 'Opgericht',
  'network.notFounded': 'Nog niet opgericht',
  'network.myRole': 'Jouw rol',
  'network.noRole': 'Geen rol',
  'network.allies': 'Bondgenoten',
  'network.allyCount': '{count, plural, one {# bondgenoot} other {# bondgenoten}}',
  'network.noAccess': 'Geen toegang',
  'network.warnings': 'Aandachtspunten',
  'network.noWarnings': 'Geen aandachtspunten',
  'network.noAccessHelp': 'Alleen wie een rol in dit netwerk heeft, ziet wie erin zitten.',
  'nav.admin': 'Beheer',
  'header.administrator': 'Beheerder',
  'common.cancel': 'Annuleren',
  'common.close': 'Sluiten',
  'formDialog.discardTitle': 'Wat je hebt ingevuld weggooien?',
  'formDialog.discardBody':
    'Je hebt nog niet opgeslagen. Als je dit venster sluit, ben je kwijt wat je hebt ingevuld.',
  'formDialog.discard': 'Weggooien',
  'formDialog.keep': 'Verder invullen',
  'page.toOverview': 'Naar de netwerkkaart',
  'noAccess.title': 'Geen toegang',
  'noAccess.body':
    'Deze pagina is alleen voor functioneel beheerders. Denk je dat je hier wel bij zou moeten kunnen? Vraag het de functioneel beheerder van je gemeente.',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Deze pagina bestaat niet (meer). Misschien is de link verouderd.',
  'error.title': 'Er ging iets mis',
  'error.retry': 'Opnieuw proberen',
  'error.network': 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  'error.unexpected': 'Onverwacht antwoord van de server (status {status}).',
  'config.title': 'Bondgenoten toevoegen aan dit kanaal',
  'config.documentTitle': 'Tabblad instellen – Bondgenoten',
  'config.inTeams':
    'Het tabblad toont de netwerkkaart: per stadsdeel de wijken en de bondgenotennetwerken. Kies Opslaan om het toe te voegen.',
  'config.inMeeting':
    'In deze vergadering toont het tabblad het overleg of de crisisoproep waar de vergadering bij hoort: het verslag, de voorzitter en de agendapunten, of de stand van de oproep. Kies Opslaan om het toe te voegen.',
  'config.notInTeams':
    'Deze pagina is bedoeld voor Microsoft Teams: daar voeg je hiermee Bondgenoten als tabblad aan een kanaal toe.',
  'config.toOverview': 'Naar de netwerkkaart',
  'config.tabName': 'Bondgenoten',
  'config.saveFailed': 'Het tabblad kon niet worden opgeslagen. Probeer het opnieuw.',
  ...messagesNetworkNl,
  ...messagesEvaluationNl,
  ...messagesHandOverNl,
  ...messagesMeetingsNl,
  ...messagesCallOutsNl,
  ...messagesConveneNl,
  ...messagesSetupNetworksNl,
} as const;
