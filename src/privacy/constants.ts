/**
 * What the privacy tab shares with the server (zod-free): the kinds of record a retention rule covers and the
 * range of days an administrator may set.
 */
export const RETENTION_KINDS = [
  'former-member',
  'consent-withdrawn',
  'not-admitted',
  'contact-notes',
  'call-out-records',
  'meeting-records',
  'local-sessions',
  'key-figures-inactive',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The shortest and longest retention an administrator may set, in days. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/**
 * The processing register's fixed texts (purposes, categories, legal bases, recipients, measures) by stable key,
 * in English as the API document states them. The tab shows each in the user's language by its key
 * (`privacy.registerText.<key>`); a text it has no key for stays English, marked as such.
 */
export const REGISTER_TEXTS = {
  purposeSignals:
    'Keeping in touch with key figures and allies of communities to hear early about tensions (signals)',
  purposeCallOuts:
    'Calling allies out in a crisis and reaching them quickly (call lists, call-out timelines)',
  purposeMeetings: 'Planning and recording network meetings and their follow-up',
  purposeSelection:
    'Selecting and admitting key figures jointly by municipality and police; evaluating the network half-yearly',
  peopleAllies: 'Key figures and allies (and former ones) of community networks',
  peopleCandidates: 'Candidates proposed as key figure',
  peopleStaff: 'Staff of the municipality and the police who use the app',
  dataContact: 'Name, mobile number, e-mail address, preferred channel, languages, availability',
  dataSpecial:
    'Special categories (AVG art. 9): the communities a person belongs to reveal religion or origin, sometimes sexual orientation',
  dataProfile: 'Age band, gender, wijk; relations between people; organisations',
  dataFreeText:
    'Signals, contact notes, call notes, meeting responses, selection assessments and evaluation notes (free text)',
  dataAudit: 'Audit trail: who read or changed what (ids only)',
  basisConsent:
    'consent: AVG art. 6(1)(a) with art. 9(2)(a) (explicit consent), recorded with its date and withdrawable',
  basisPublicTask: 'public_task: AVG art. 6(1)(e) for professionals recorded in their role',
  processorMicrosoft: 'Microsoft (Microsoft 365, Teams, Graph, Azure) as processor, EU data boundary',
  measureNeedToKnow:
    'Need-to-know: access per network and role, checked on every route (src/identity/policies.ts)',
  measureAudit:
    'Audit trail of every read and change of personal data, hash-chained and verifiable; logs hold no personal data',
  measureSignIn: 'Sign-in through Microsoft Entra ID of the allowed tenants only',
  measureEncryption: 'Encryption at rest and in transit on Azure (Azure Database for PostgreSQL, EU region)',
  measureRetention: 'Retention rules applied daily; erasure and inzage of one person on request',
  measureHiddenAttendees: 'Allies never see each other’s addresses in invitations (hidden attendees)',
} as const;
export type RegisterTextKey = keyof typeof REGISTER_TEXTS;

/** The key of one of the register's fixed texts, or null for a text this build does not know. */
export function registerTextKey(text: string): RegisterTextKey | null {
  const entry = Object.entries(REGISTER_TEXTS).find(([, english]) => english === text);
  return entry ? (entry[0] as RegisterTextKey) : null;
}

/**
 * The privacy texts the tab and the server's PDFs (inzage, register) share, in Dutch and English: the
 * register's fixed texts by key, and per retention kind its name, when its clock starts and why its default.
 * The tab's catalogue (`privacy.registerText.<key>`, `privacy.kind.<kind>`, …) points here, so a PDF says
 * what the page says.
 */
export const PRIVACY_TEXTS = {
  nl: {
    registerText: {
      purposeSignals:
        'Contact houden met sleutelfiguren en bondgenoten uit gemeenschappen om spanningen vroeg te horen (signalen)',
      purposeCallOuts:
        'Bondgenoten in een crisis oproepen en snel bereiken (bellijsten, verloop van crisisoproepen)',
      purposeMeetings: 'Netwerkoverleggen plannen en vastleggen, met hun opvolging',
      purposeSelection:
        'Sleutelfiguren samen door gemeente en politie selecteren en toelaten; het netwerk halfjaarlijks evalueren',
      peopleAllies: 'Sleutelfiguren en bondgenoten (ook vroegere) van netwerken in gemeenschappen',
      peopleCandidates: 'Personen die als sleutelfiguur zijn voorgedragen',
      peopleStaff: 'Medewerkers van gemeente en politie die de app gebruiken',
      dataContact: 'Naam, mobiel nummer, e-mailadres, voorkeurskanaal, talen, bereikbaarheid',
      dataSpecial:
        'Bijzondere persoonsgegevens (AVG art. 9): de gemeenschappen waartoe iemand behoort, onthullen godsdienst of afkomst, soms seksuele geaardheid',
      dataProfile: 'Leeftijdsgroep, gender, wijk; relaties tussen personen; organisaties',
      dataFreeText:
        'Signalen, contactnotities, belnotities, reacties op overleggen, beoordelingen bij selectie en evaluatienotities (vrije tekst)',
      dataAudit: 'Audittrail: wie wat heeft bekeken of gewijzigd (alleen kenmerken, geen inhoud)',
      basisConsent:
        'Toestemming: AVG art. 6 lid 1a met art. 9 lid 2a (uitdrukkelijke toestemming), vastgelegd met datum en in te trekken',
      basisPublicTask: 'Publieke taak: AVG art. 6 lid 1e voor professionals die in hun rol zijn vastgelegd',
      processorMicrosoft:
        'Microsoft (Microsoft 365, Teams, Graph, Azure) als verwerker, binnen de EU-datagrens',
      measureNeedToKnow:
        'Toegang alleen voor wie het nodig heeft: per netwerk en rol, gecontroleerd bij elke aanvraag',
      measureAudit:
        'Audittrail van elke inzage en wijziging van persoonsgegevens, met een hashketen controleerbaar; logbestanden bevatten geen persoonsgegevens',
      measureSignIn: 'Aanmelden alleen via Microsoft Entra ID van de toegestane organisaties',
      measureEncryption:
        'Versleuteling opgeslagen en onderweg op Azure (Azure Database for PostgreSQL, EU-regio)',
      measureRetention: 'Bewaartermijnen dagelijks toegepast; wissen en inzage van één persoon op verzoek',
      measureHiddenAttendees:
        'Bondgenoten zien elkaars adressen nooit in uitnodigingen (verborgen deelnemers)',
    },
    kind: {
      'former-member': 'Oud-bondgenoten en oud-sleutelfiguren',
      'consent-withdrawn': 'Personen die hun toestemming introkken',
      'not-admitted': 'Voorgedragen personen die niet zijn toegelaten',
      'contact-notes': 'Contactnotities',
      'call-out-records': 'Bellijsten en tijdlijnen van crisisoproepen',
      'meeting-records': 'Verslagen en reacties van overleggen',
      'local-sessions': 'Lokale aanmeldsessies',
      'key-figures-inactive': 'Sleutelfiguren en bondgenoten zonder activiteit',
    },
    clock: {
      'former-member': 'Vanaf het afscheid (einde lidmaatschap).',
      'consent-withdrawn': 'Vanaf de dag dat de toestemming is ingetrokken.',
      'not-admitted': 'Vanaf het besluit om iemand niet toe te laten.',
      'contact-notes': 'Vanaf de dag van het contact.',
      'call-out-records': 'Vanaf de dag dat de crisisoproep is gesloten.',
      'meeting-records': 'Vanaf de dag van het overleg.',
      'local-sessions': 'Vanaf de dag dat de sessie is verlopen.',
      'key-figures-inactive':
        'Vanaf het laatste contact, signaal, bijgewoonde overleg of beantwoorde oproep (of de dag van vastleggen, als die er niet zijn).',
    },
    reason: {
      'former-member':
        'Een jaar dekt de halfjaarlijkse evaluaties waarin de persoon nog meetelt, en een snelle terugkeer. Daarna is er geen doel meer om gegevens te bewaren van iemand die geen deel meer uitmaakt van het netwerk.',
      'consent-withdrawn':
        'De persoon staat direct op geen enkele bellijst of uitnodiging meer. Een maand geeft tijd om lopende zaken af te ronden voordat de gegevens verdwijnen.',
      'not-admitted':
        'Een half jaar om vragen over het besluit te beantwoorden en niet meteen dezelfde persoon opnieuw voor te dragen. De status blijft voor de tellingen, zonder naam, contactgegevens of notities.',
      'contact-notes':
        'Twee jaar dekt vier halfjaarlijkse evaluaties en de trend waartegen een signaal wordt gelezen. Oudere notities voegen niets toe aan wat de signalen en de thermometer al tellen.',
      'call-out-records':
        'Twee jaar dekt de evaluatie van de oproep, het nagesprek en vier halfjaarlijkse evaluaties die per bondgenoot tellen hoe vaak die op een bellijst stond en bereikt is. Daarna houdt de oproep zijn tellingen, maar niet meer wie er gebeld is: wat er gehoord is, notities van medewerkers en de Teams-adressen van de kaarten worden leeggemaakt, en elke regel op de bellijst krijgt een id die bij geen persoon hoort.',
      'local-sessions':
        'Een sessie bewaart alleen een hash van het token, de gebruiker en de data. Een maand na het einde is genoeg om een aanmeldprobleem na te gaan. De lokale aanmelding is alleen voor ontwikkeling en demonstraties; sessies horen niet bij één gemeente, dus de kortste instelling van de installatie geldt.',
      'key-figures-inactive':
        'Twee jaar zonder contact, signaal, aanwezigheid bij een overleg of bereikte oproep betekent dat vier halfjaarlijkse evaluaties voorbijgingen zonder dat het netwerk de relatie gebruikte. Een actueel telefoonnummer en de gemeenschappen (bijzondere gegevens) bewaren van iemand met wie niemand contact heeft, heeft dan geen doel meer. De persoon wordt gewist en niet alleen gemarkeerd: een markering waar niemand iets mee doet, houdt de gegevens vast. Elk vastgelegd contact zet de klok opnieuw, dus een coördinator houdt iemand door het jaarlijkse contact vast te leggen. De termijn mag niet langer zijn dan die van contactnotities en oproepgegevens, want ouder contact staat daar niet meer.',
      'meeting-records':
        "Twee jaar dekt het opvolgen van de acties en vier halfjaarlijkse evaluaties die de verslagen lezen. Daarna vertellen de thema's, de sfeer en de aanwezigheid de trend; de notities van het verslag, de teksten van afgeronde acties en de adressen in reacties en lokale uitnodigingen verdwijnen.",
    },
  },
  en: {
    // The API's English texts are the English ones.
    registerText: REGISTER_TEXTS,
    kind: {
      'former-member': 'Former allies and former key figures',
      'consent-withdrawn': 'People who withdrew consent',
      'not-admitted': 'Proposed people who were not admitted',
      'contact-notes': 'Contact notes',
      'call-out-records': 'Call lists and timelines of call-outs',
      'meeting-records': 'Meeting records and responses',
      'local-sessions': 'Local sign-in sessions',
      'key-figures-inactive': 'Key figures and allies without activity',
    },
    clock: {
      'former-member': 'From the farewell (end of membership).',
      'consent-withdrawn': 'From the day consent was withdrawn.',
      'not-admitted': 'From the decision not to admit someone.',
      'contact-notes': 'From the day of the contact.',
      'call-out-records': 'From the day the call-out was closed.',
      'meeting-records': 'From the day of the meeting.',
      'local-sessions': 'From the day the session expired.',
      'key-figures-inactive':
        'From the latest contact, signal, meeting attended or answered call (or the day the person was recorded, when there is none).',
    },
    reason: {
      'former-member':
        'A year covers the half-yearly evaluations that still count the person, and a quick return. After that there is no purpose left in keeping data of someone who is no longer part of the network.',
      'consent-withdrawn':
        'The person is off every call list and invitation at once. A month leaves time to settle open matters before the data goes.',
      'not-admitted':
        'Half a year to answer questions about the decision and not to propose the same person again at once. The status stays for the counts, without name, contact data or notes.',
      'contact-notes':
        'Two years cover four half-yearly evaluations and the trend a signal is read against. Older notes add nothing the signals and the thermometer do not already count.',
      'local-sessions':
        'A session holds only a hash of the token, the user and its dates. A month after it ended is enough to trace a sign-in problem. The local sign-in is for development and demonstrations only; sessions do not belong to one municipality, so the shortest setting of the deployment applies.',
      'key-figures-inactive':
        'Two years without contact, signal, meeting attendance or reached call means four half-yearly evaluations passed without the network using the relation. Keeping a current phone number and the communities (special categories) of someone nobody is in touch with has no purpose left. The person is erased rather than only flagged: a flag nobody acts on keeps the data. Any recorded contact resets the clock, so a coordinator keeps a person by recording the yearly contact. The days may not exceed those of contact notes and call-out records, as older contact is no longer there.',
      'call-out-records':
        "Two years covers the call-out's evaluation, the follow-up meeting and four half-yearly evaluations that count per ally how often they stood on a call list and were reached. After that the call-out keeps its counts but no longer who was called: what was heard, staff notes and the Teams addresses of the cards are emptied, and each call list row gets an id no person has.",
      'meeting-records':
        "Two years covers following up the actions and four half-yearly evaluations that read the records. After that the themes, the mood and the attendance tell the trend; the record's notes, the texts of finished actions and the addresses in responses and local invitations are removed.",
    },
  },
} as const;
