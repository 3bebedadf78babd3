/** Dutch texts of Beheer → Privacy (issue 18); spread into the main catalogue. Plain language (B1), "je". */
export const messagesPrivacyNl = {
  'admin.privacy': 'Privacy',
  'privacy.intro':
    'Wat de app over personen bewaart en hoe lang (AVG): bewaartermijnen, het verwerkingsregister, en inzage, intrekken van toestemming en wissen voor één persoon.',
  'privacy.navLabel': 'Privacy-onderdelen',
  'privacy.page.retention': 'Bewaartermijnen',
  'privacy.page.register': 'Verwerkingsregister',
  'privacy.page.person': 'Persoon',
  'privacy.documentTitle': 'Privacy – {page}',

  'privacy.kind.former-member': 'Oud-bondgenoten en oud-sleutelfiguren',
  'privacy.kind.consent-withdrawn': 'Personen die hun toestemming introkken',
  'privacy.kind.not-admitted': 'Voorgedragen personen die niet zijn toegelaten',
  'privacy.kind.contact-notes': 'Contactnotities',
  'privacy.kind.call-out-records': 'Bellijsten en tijdlijnen van crisisoproepen',
  'privacy.kind.meeting-records': 'Verslagen en reacties van overleggen',
  'privacy.kind.local-sessions': 'Lokale aanmeldsessies',
  'privacy.kind.key-figures-inactive': 'Sleutelfiguren en bondgenoten zonder activiteit',
  'privacy.clock.former-member': 'Vanaf het afscheid (einde lidmaatschap).',
  'privacy.clock.consent-withdrawn': 'Vanaf de dag dat de toestemming is ingetrokken.',
  'privacy.clock.not-admitted': 'Vanaf het besluit om iemand niet toe te laten.',
  'privacy.clock.contact-notes': 'Vanaf de dag van het contact.',
  'privacy.clock.call-out-records': 'Vanaf de dag dat de crisisoproep is gesloten.',
  'privacy.clock.meeting-records': 'Vanaf de dag van het overleg.',
  'privacy.clock.local-sessions': 'Vanaf de dag dat de sessie is verlopen.',
  'privacy.clock.key-figures-inactive':
    'Vanaf het laatste contact, signaal, bijgewoonde overleg of beantwoorde oproep (of de dag van vastleggen, als die er niet zijn).',
  'privacy.reason.former-member':
    'Een jaar dekt de halfjaarlijkse evaluaties waarin de persoon nog meetelt, en een snelle terugkeer. Daarna is er geen doel meer om gegevens te bewaren van iemand die geen deel meer uitmaakt van het netwerk.',
  'privacy.reason.consent-withdrawn':
    'De persoon staat direct op geen enkele bellijst of uitnodiging meer. Een maand geeft tijd om lopende zaken af te ronden voordat de gegevens verdwijnen.',
  'privacy.reason.not-admitted':
    'Een half jaar om vragen over het besluit te beantwoorden en niet meteen dezelfde persoon opnieuw voor te dragen. De status blijft voor de tellingen, zonder naam, contactgegevens of notities.',
  'privacy.reason.contact-notes':
    'Twee jaar dekt vier halfjaarlijkse evaluaties en de trend waartegen een signaal wordt gelezen. Oudere notities voegen niets toe aan wat de signalen en de thermometer al tellen.',
  'privacy.reason.call-out-records':
    'Twee jaar dekt de evaluatie van de oproep, het nagesprek en vier halfjaarlijkse evaluaties die per bondgenoot tellen hoe vaak die op een bellijst stond en bereikt is. Daarna houdt de oproep zijn tellingen, maar niet meer wie er gebeld is: wat er gehoord is, notities van medewerkers en de Teams-adressen van de kaarten worden leeggemaakt, en elke regel op de bellijst krijgt een id die bij geen persoon hoort.',
  'privacy.reason.meeting-records':
    "Twee jaar dekt het opvolgen van de acties en vier halfjaarlijkse evaluaties die de verslagen lezen. Daarna vertellen de thema's, de sfeer en de aanwezigheid de trend; de notities van het verslag, de teksten van afgeronde acties en de adressen in reacties en lokale uitnodigingen verdwijnen.",
  'privacy.reason.local-sessions':
    'Een sessie bewaart alleen een hash van het token, de gebruiker en de data. Een maand na het einde is genoeg om een aanmeldprobleem na te gaan. De lokale aanmelding is alleen voor ontwikkeling en demonstraties; sessies horen niet bij één gemeente, dus de kortste instelling van de installatie geldt.',
  'privacy.reason.key-figures-inactive':
    'Twee jaar zonder contact, signaal, aanwezigheid bij een overleg of bereikte oproep betekent dat vier halfjaarlijkse evaluaties voorbijgingen zonder dat het netwerk de relatie gebruikte. Een actueel telefoonnummer en de gemeenschappen (bijzondere gegevens) bewaren van iemand met wie niemand contact heeft, heeft dan geen doel meer. De persoon wordt gewist en niet alleen gemarkeerd: een markering waar niemand iets mee doet, houdt de gegevens vast. Elk vastgelegd contact zet de klok opnieuw, dus een coördinator houdt iemand door het jaarlijkse contact vast te leggen. De termijn mag niet langer zijn dan die van contactnotities en oproepgegevens, want ouder contact staat daar niet meer.',
  'privacy.action.person': 'Wat er gebeurt: de persoon wordt gewist.',
  'privacy.action.records': 'Wat er gebeurt: de gegevens worden opgeschoond; tellingen blijven kloppen.',

  'privacy.retention.title': 'Bewaartermijnen',
  'privacy.retention.intro':
    'Elke dag schoont de app op wat langer bewaard is dan de termijn. Je kiest per soort gegevens hoeveel dagen; zonder keuze geldt de standaard.',
  'privacy.retention.days': 'Bewaartermijn in dagen',
  'privacy.retention.daysHint': 'Van 30 tot 3650 dagen. Standaard: {defaultDays} dagen.',
  'privacy.retention.defaultBadge': 'Standaard',
  'privacy.retention.changedBadge': 'Aangepast',
  'privacy.retention.clock': 'Wanneer de termijn begint',
  'privacy.retention.reason': 'Waarom deze standaard',
  'privacy.retention.save': 'Opslaan',
  'privacy.retention.saveLabel': 'Bewaartermijn opslaan: {kind}',
  'privacy.retention.saved': 'De bewaartermijn is opgeslagen: {days} dagen.',
  'privacy.retention.saveFailed': 'De bewaartermijn is niet opgeslagen',
  'privacy.retention.daysError': 'Kies een bewaartermijn van 30 tot 3650 dagen, in hele dagen.',
  'privacy.retention.loadFailed': 'De bewaartermijnen konden niet worden geladen',
  'privacy.runs.title': 'Laatste opschoningen',
  'privacy.runs.none': 'De dagelijkse opschoning is nog niet gedraaid.',
  'privacy.runs.label': 'Laatste opschoningen per soort',
  'privacy.runs.day': 'Dag',
  'privacy.runs.busy': 'bezig',

  'privacy.preview.title': 'Wat wordt er binnenkort opgeschoond?',
  'privacy.preview.intro': 'Alleen aantallen; er verandert niets.',
  'privacy.preview.withinDays': 'Binnen hoeveel dagen?',
  'privacy.preview.withinDaysHint': 'Van 1 tot 365 dagen.',
  'privacy.preview.show': 'Bekijken',
  'privacy.preview.withinDaysError': 'Kies 1 tot 365 dagen, in hele dagen.',
  'privacy.preview.failed': 'De vooruitblik kon niet worden geladen',
  'privacy.preview.tableLabel': 'Aantallen die worden opgeschoond',
  'privacy.preview.kind': 'Soort',
  'privacy.preview.term': 'Termijn',
  'privacy.preview.today': 'Vandaag',
  'privacy.preview.within': 'Binnen {days} dagen',
  'privacy.preview.daysValue': '{days} dagen',

  'privacy.register.title': 'Verwerkingsregister',
  'privacy.register.intro':
    'Het register van verwerkingen (AVG art. 30) en de input voor de DPIA, gemaakt uit de instellingen van de app zelf, zodat de FG kan nagaan wat echt zo is. Elke keer bekijken wordt vastgelegd in de audittrail.',
  'privacy.registerText.purposeSignals':
    'Contact houden met sleutelfiguren en bondgenoten uit gemeenschappen om spanningen vroeg te horen (signalen)',
  'privacy.registerText.purposeCallOuts':
    'Bondgenoten in een crisis oproepen en snel bereiken (bellijsten, verloop van crisisoproepen)',
  'privacy.registerText.purposeMeetings': 'Netwerkoverleggen plannen en vastleggen, met hun opvolging',
  'privacy.registerText.purposeSelection':
    'Sleutelfiguren samen door gemeente en politie selecteren en toelaten; het netwerk halfjaarlijks evalueren',
  'privacy.registerText.peopleAllies':
    'Sleutelfiguren en bondgenoten (ook vroegere) van netwerken in gemeenschappen',
  'privacy.registerText.peopleCandidates': 'Personen die als sleutelfiguur zijn voorgedragen',
  'privacy.registerText.peopleStaff': 'Medewerkers van gemeente en politie die de app gebruiken',
  'privacy.registerText.dataContact':
    'Naam, mobiel nummer, e-mailadres, voorkeurskanaal, talen, bereikbaarheid',
  'privacy.registerText.dataSpecial':
    'Bijzondere persoonsgegevens (AVG art. 9): de gemeenschappen waartoe iemand behoort, onthullen godsdienst of afkomst, soms seksuele geaardheid',
  'privacy.registerText.dataProfile': 'Leeftijdsgroep, gender, wijk; relaties tussen personen; organisaties',
  'privacy.registerText.dataFreeText':
    'Signalen, contactnotities, belnotities, reacties op overleggen, beoordelingen bij selectie en evaluatienotities (vrije tekst)',
  'privacy.registerText.dataAudit':
    'Audittrail: wie wat heeft bekeken of gewijzigd (alleen kenmerken, geen inhoud)',
  'privacy.registerText.basisConsent':
    'Toestemming: AVG art. 6 lid 1a met art. 9 lid 2a (uitdrukkelijke toestemming), vastgelegd met datum en in te trekken',
  'privacy.registerText.basisPublicTask':
    'Publieke taak: AVG art. 6 lid 1e voor professionals die in hun rol zijn vastgelegd',
  'privacy.registerText.processorMicrosoft':
    'Microsoft (Microsoft 365, Teams, Graph, Azure) als verwerker, binnen de EU-datagrens',
  'privacy.registerText.measureNeedToKnow':
    'Toegang alleen voor wie het nodig heeft: per netwerk en rol, gecontroleerd bij elke aanvraag',
  'privacy.registerText.measureAudit':
    'Audittrail van elke inzage en wijziging van persoonsgegevens, met een hashketen controleerbaar; logbestanden bevatten geen persoonsgegevens',
  'privacy.registerText.measureSignIn':
    'Aanmelden alleen via Microsoft Entra ID van de toegestane organisaties',
  'privacy.registerText.measureEncryption':
    'Versleuteling opgeslagen en onderweg op Azure (Azure Database for PostgreSQL, EU-regio)',
  'privacy.registerText.measureRetention':
    'Bewaartermijnen dagelijks toegepast; wissen en inzage van één persoon op verzoek',
  'privacy.registerText.measureHiddenAttendees':
    'Bondgenoten zien elkaars adressen nooit in uitnodigingen (verborgen deelnemers)',
  'privacy.register.generatedAt': 'Gemaakt op {at}',
  'privacy.register.download': 'Register downloaden (JSON)',
  'privacy.register.downloaded': 'Het register is gedownload.',
  'privacy.register.loadFailed': 'Het verwerkingsregister kon niet worden geladen',
  'privacy.register.purposes': 'Doeleinden',
  'privacy.register.people': 'Categorieën betrokkenen',
  'privacy.register.data': 'Categorieën persoonsgegevens',
  'privacy.register.legalBases': 'Grondslagen',
  'privacy.register.retention': 'Bewaartermijnen',
  'privacy.register.retentionLabel': 'Bewaartermijnen in het register',
  'privacy.register.holders': 'Onderdelen met persoonsgegevens',
  'privacy.register.holdersLabel': 'Onderdelen van de app met persoonsgegevens',
  'privacy.register.holder': 'Onderdeel',
  'privacy.register.release': 'Haalt van lijsten',
  'privacy.register.erase': 'Wist',
  'privacy.register.kinds': 'Bewaartermijnen',
  'privacy.register.yes': 'Ja',
  'privacy.register.no': 'Nee',
  'privacy.register.recipients': 'Ontvangers',
  'privacy.register.tenants': 'Organisaties (tenants) waarvan medewerkers aanmelden',
  'privacy.register.noTenants': 'Geen: lokale omgeving zonder Microsoft 365.',
  'privacy.register.processors': 'Verwerkers',
  'privacy.register.security': 'Beveiligingsmaatregelen',
  'privacy.register.defaultDays': 'standaard {days}',
  'privacy.holder.network': 'Netwerk en personen',
  'privacy.holder.call-outs': 'Crisisoproepen',
  'privacy.holder.meetings': 'Overleggen',
  'privacy.holder.signals': 'Signalen',
  'privacy.holder.selection': 'Selectie',
  'privacy.holder.evaluation': 'Evaluatie',
  'privacy.holder.identity': 'Aanmelding',

  'privacy.person.title': 'Persoon zoeken',
  'privacy.person.intro':
    'Zoek een persoon in de hele gemeente voor inzage, het intrekken van toestemming of wissen. Je ziet geen contactgegevens; elke zoekactie wordt vastgelegd.',
  'privacy.person.search': 'Naam',
  'privacy.person.searchHint': 'Minstens 2 tekens.',
  'privacy.person.searchButton': 'Zoeken',
  'privacy.person.searchError': 'Vul minstens 2 tekens van de naam in.',
  'privacy.person.searchFailed': 'Zoeken is mislukt',
  'privacy.person.none': 'Niemand gevonden met ‘{q}’.',
  'privacy.person.resultsLabel': 'Gevonden personen',
  'privacy.person.count': '{count, plural, one {1 persoon gevonden} other {# personen gevonden}}',
  'privacy.person.choose': 'Kiezen',
  'privacy.person.chooseLabel': 'Kiezen: {name}',
  'privacy.person.chosenLabel': 'Gekozen: {name}',
  'privacy.person.chosen': 'Gekozen',
  'privacy.person.noNetwork': 'in geen netwerk',
  'privacy.person.kind.key_figure': 'Sleutelfiguur',
  'privacy.person.kind.ally': 'Bondgenoot',
  'privacy.person.kind.former_ally': 'Oud-bondgenoot',
  'privacy.person.kind.former_key_figure': 'Oud-sleutelfiguur',
  'privacy.person.basis.consent': 'Toestemming (AVG art. 6 lid 1a en art. 9 lid 2a)',
  'privacy.person.basis.public_task': 'Publieke taak (AVG art. 6 lid 1e)',
  'privacy.person.legalBasis': 'Grondslag',
  'privacy.person.consentDate': 'Toestemming gegeven',
  'privacy.person.withdrawnOn': 'Toestemming ingetrokken',
  'privacy.person.notRecorded': 'niet vastgelegd',
  'privacy.person.networks': 'Netwerken',

  'privacy.inzage.title': 'Inzage (AVG art. 15)',
  'privacy.inzage.intro':
    'Alles wat de app over deze persoon bewaart, met wie de gegevens bekeek of wijzigde, als JSON-bestand. Vertrouwelijk: geef het alleen aan de persoon zelf.',
  'privacy.inzage.download': 'Inzage downloaden (JSON)',
  'privacy.inzage.downloaded':
    'De inzage is gedownload ({count, plural, one {1 regel} other {# regels}} in de audittrail).',
  'privacy.inzage.failed': 'De inzage kon niet worden gemaakt',

  'privacy.withdraw.title': 'Toestemming intrekken',
  'privacy.withdraw.intro':
    'Vanaf die dag staat de persoon op geen bellijst meer en krijgt geen uitnodigingen meer; de bewaartermijn gaat lopen.',
  'privacy.withdraw.date': 'Datum van intrekking',
  'privacy.withdraw.dateHint': 'Vandaag of eerder.',
  'privacy.withdraw.dateRequired': 'Vul een datum in.',
  'privacy.withdraw.submit': 'Intrekking vastleggen',
  'privacy.withdraw.done':
    'De intrekking is vastgelegd op {date}. {changed, plural, =0 {Er hoefde niets van lijsten of uitnodigingen af.} one {1 lijst of uitnodiging aangepast.} other {# lijsten of uitnodigingen aangepast.}}',
  'privacy.withdraw.already': 'De toestemming was al ingetrokken op {date}.',
  'privacy.withdraw.failed': 'De intrekking is niet vastgelegd',
  'privacy.withdraw.notConsent':
    'Deze persoon is vastgelegd op grond van een publieke taak; er is geen toestemming om in te trekken.',

  'privacy.erase.title': 'Wissen (AVG art. 17)',
  'privacy.erase.intro':
    'Wissen kan niet ongedaan worden gemaakt. Kies de reden; daarna vraagt de app je het te bevestigen.',
  'privacy.erase.reason': 'Reden',
  'privacy.erase.reasonRequired': 'Kies een reden.',
  'privacy.erase.reason.data-subject-request': 'Op verzoek van de persoon zelf',
  'privacy.erase.reason.consent-withdrawn': 'Toestemming ingetrokken',
  'privacy.erase.reason.no-longer-needed': 'Niet meer nodig voor het doel',
  'privacy.erase.reason.unlawful': 'Onrechtmatig verwerkt',
  'privacy.erase.open': 'Persoon wissen…',
  'privacy.erase.dialogTitle': '{name} definitief wissen?',
  'privacy.erase.what': 'Dit gebeurt er:',
  'privacy.erase.what.fields':
    'Naam, telefoonnummer, e-mailadres, achterban, beschikbaarheid, talen, leeftijd, gender en wijk worden gewist; de gemeenschappen en organisaties worden losgekoppeld.',
  'privacy.erase.what.relations': 'Relaties worden beëindigd en de persoon gaat uit alle netwerken.',
  'privacy.erase.what.lists':
    'De persoon gaat van open bellijsten en uit toekomstige uitnodigingen (Outlook stuurt een annulering).',
  'privacy.erase.what.text':
    'Waar de naam in vrije tekst staat (oproepen, notities, acties), wordt die vervangen door ‘Gewiste persoon’.',
  'privacy.erase.what.stays':
    'Tellingen in rapportages en de audittrail blijven kloppen: daar staat alleen een nummer, geen naam.',
  'privacy.erase.reasonChosen': 'Reden: {reason}.',
  'privacy.erase.confirm': 'Definitief wissen',
  'privacy.erase.failed': 'De persoon is niet gewist',
  'privacy.erase.done': '{name} is gewist ({reason}).',
  'privacy.erase.doneDetail':
    '{changed, plural, =0 {Elders hoefde niets te worden aangepast.} one {Elders is 1 gegeven aangepast.} other {Elders zijn # gegevens aangepast.}}',
  'privacy.failedHolders': 'Niet gelukt bij: {holders}. Probeer het later opnieuw.',
};

export type PrivacyMessageId = keyof typeof messagesPrivacyNl;
