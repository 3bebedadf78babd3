/**
 * Dutch texts of the API's field error codes (`src/platform/errors.ts`), one per code; the parameters a code
 * carries fill the placeholders and `kind`, `format` and `reason` pick the wording. Plain language (B1), "je".
 */
export const messagesFieldErrorsNl = {
  'fieldCode.required':
    '{kind, select, district {Kies een stadsdeel.} search {Vul een zoekterm in of kies een filter.} other {Vul dit in.}}',
  'fieldCode.invalid_type': 'Deze waarde klopt niet.',
  'fieldCode.too_long': 'Maximaal {max} tekens.',
  'fieldCode.too_short': 'Minimaal {min} tekens.',
  'fieldCode.too_big':
    '{kind, select, minutes {Maximaal {max} minuten.} escalation_minutes {Dit moet eerder zijn dan het moment waarop het crisisteam een melding krijgt.} activity_log {Maximaal {max} dagen: ouder contact en oudere antwoorden op oproepen worden niet bewaard, dus langer kan de app niet zien of iemand actief was.} other {Maximaal {max}.}}',
  'fieldCode.too_small':
    '{kind, select, soft_limit {Dit moet minstens de zachte grens zijn.} inactivity {Minimaal {min} dagen: zo lang meet de app of sleutelfiguren en bondgenoten actief zijn.} other {Minimaal {min}.}}',
  'fieldCode.too_many': 'Kies er maximaal {max}.',
  'fieldCode.too_few': 'Kies er minimaal {min}.',
  'fieldCode.invalid_format':
    '{format, select, email {Vul een geldig e-mailadres in.} date {Vul een geldige datum in.} datetime {Vul een geldige datum en tijd in.} time {Vul een tijd in als uu:mm.} uuid {Kies een waarde uit de lijst.} cbs_wijkcode {Een CBS-wijkcode is ‘WK’ met zes cijfers{reason, select, none {} other {, voor deze gemeente beginnend met {reason}}}.} other {Dit heeft niet de juiste vorm.}}',
  'fieldCode.invalid_value': 'Kies een van deze waarden: {values}.',
  'fieldCode.unknown_field': 'Dit veld kennen we niet.',
  'fieldCode.invalid': 'Deze waarde klopt niet.',
  'fieldCode.nothing_to_change': 'Wijzig minstens één veld.',
  'fieldCode.unknown_reference':
    '{kind, select, neighbourhood {Deze wijk hoort niet bij deze gemeente.} wijk {Deze wijk hoort niet bij deze gemeente.} community {{count, plural, =0 {Deze gemeenschap bestaat niet (meer).} one {Eén gemeenschap bestaat niet (meer).} other {# gemeenschappen bestaan niet (meer).}}} location {Deze locatie hoort niet bij dit netwerk.} ally {Deze persoon is geen bondgenoot van dit netwerk.} person {Deze persoon hoort niet bij je netwerken.} staff {Deze medewerker hoort niet bij dit netwerk.} action {Deze actie hoort niet bij dit overleg.} district {Dit is geen actief stadsdeel van deze gemeente.} area {Dit is geen actief stadsdeel of wijk.} relation_type {Dit soort relatie kent deze gemeente niet.} organisation {Deze organisatie hoort niet bij deze gemeente.} call_list {Deze persoon staat niet op de bellijst.} match {Dit is geen mogelijke match van deze kandidaat.} other {Kies iets uit de lijst.}}',
  'fieldCode.wrong_reference':
    '{kind, select, staff {Deze medewerker hoort niet bij dit netwerk of niet bij deze partij.} organisation {Dit soort relatie hoort bij een organisatie, niet bij een persoon.} person {Dit soort relatie hoort bij een persoon, niet bij een organisatie.} other {Dit past niet bij het soort relatie.}}',
  'fieldCode.self_reference': 'Dit kan niet naar dezelfde persoon verwijzen.',
  'fieldCode.before_start': 'Deze datum ligt vóór de begindatum.',
  'fieldCode.range_too_long': 'Kies een periode van maximaal {max} dagen.',
  'fieldCode.duplicate':
    '{kind, select, meeting_date {Op deze datum is al een overleg.} name {Deze naam bestaat al.} cbs_code {Deze CBS-code is al in gebruik.} staff {{reason, select, email {Iemand van deze organisatie heeft dit e-mailadres al, dus je collega staat al in de tabel ‘Medewerkers en rollen’ hieronder. Zoek je collega daar op naam; een rol geef je in die tabel.} other {Deze persoon is al medewerker.}}} row {Dit staat ook op regel {line}.} person {Deze persoon staat mogelijk al in de gegevens (zelfde {reason, select, mobile {mobiel nummer} email {e-mailadres} other {naam en wijk}}). Pas die persoon aan in plaats van een dubbele toe te voegen.} criterion {Beoordeel elk criterium één keer.} wijk_other_code {Deze wijk bestaat al, met een andere CBS-code.} other {Dit staat er twee keer in.}}',
  'fieldCode.not_in_future': 'Kies een moment in de toekomst.',
  'fieldCode.in_future': 'Deze datum ligt in de toekomst.',
  'fieldCode.before_1900': 'Deze datum ligt vóór 1900.',
  'fieldCode.not_after_start': 'Het einde moet na het begin liggen.',
  'fieldCode.out_of_range':
    '{kind, select, within_hour {Kies een tijd tussen nu en over een uur.} other {{from, select, none {Dit valt buiten wat kan.} other {Kies een datum van {from} tot en met {until}.}}}}',
  'fieldCode.unstorable_text': 'Hier staan tekens in die we niet kunnen opslaan.',
  'fieldCode.either_or': 'Kies één van de twee, niet allebei.',
  'fieldCode.archived': 'Dit is gearchiveerd. Zet het eerst terug.',
  'fieldCode.in_use': 'Dit is nog in gebruik ({count}).',
  'fieldCode.wijk_only': 'Dit geldt alleen voor een wijk.',
  'fieldCode.one_municipality': 'Kies wijken uit één gemeente.',
  'fieldCode.no_email': 'Deze medewerker heeft geen e-mailadres.',
  'fieldCode.date_conflict': 'Deze datum botst met de planning. Bevestig als je hem toch wilt.',
  'fieldCode.invalid_phone':
    'Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678 of +32 470 12 34 56.',
  'fieldCode.unreadable_file':
    '{reason, select, csv_syntax {Het bestand is geen leesbare CSV{line, plural, =0 {} other { (rond regel #)}}.} not_utf8 {Het bestand is geen UTF-8. Sla het in Excel op als ‘CSV UTF-8’ en probeer het opnieuw.} not_xlsx {Dit Excel-bestand kunnen we niet lezen. Sla het op als .xlsx of als ‘CSV UTF-8’.} no_rows {Het bestand is leeg. Zet de kolomnamen op de eerste regel.} no_data_rows {Het bestand heeft kolomnamen, maar geen rijen.} too_many_rows {Het bestand heeft {count} rijen. Importeer er maximaal {max} tegelijk.} duplicate_column {Het bestand heeft twee kolommen ‘{kind}’. Houd er één over.} no_name_column {Op de eerste regel staat geen kolom met de naam.} other {Dit bestand kunnen we niet lezen.}}',
  'fieldCode.rule_professional':
    'Een professional uit het gewone netwerk (jongerenwerker, maatschappelijk werker…) kan sleutelfiguur zijn, maar nooit bondgenoot.',
  'fieldCode.use_farewell': 'Een lidmaatschap beëindig je met Afscheid nemen.',
  'fieldCode.rule_hard_limit': 'Een netwerk heeft maximaal {max} bondgenoten.',
  'fieldCode.municipality_required': 'Kies een gemeente: je werkt voor meer dan één gemeente.',
  'fieldCode.ally_via_selection':
    'Iemand wordt alleen bondgenoot via de selectie: gemeente en politie keuren allebei goed. Voeg de persoon toe als sleutelfiguur.',
  'fieldCode.former_via_farewell':
    'Een oud-bondgenoot of oud-sleutelfiguur ontstaat alleen door afscheid te nemen van iemand in het netwerk, niet door een import. Laat deze regel weg.',
  'fieldCode.tenant_not_allowed': 'Kies een toegestane tenant, anders dan die van de gemeente.',
  'problem.validation-failed': 'Niet alles is goed ingevuld. Kijk de velden na.',
  'problem.malformed-json': 'Het verzoek kwam niet goed aan. Vernieuw de pagina en probeer het opnieuw.',
  'problem.unsupported-media-type':
    'Het verzoek kwam niet goed aan. Vernieuw de pagina en probeer het opnieuw.',
  'problem.payload-too-large': 'Dit is te groot om te versturen. Maak het kleiner en probeer het opnieuw.',
  'problem.unauthenticated': 'Je bent niet (meer) aangemeld. Vernieuw de pagina.',
  'problem.forbidden': 'Je hebt hier geen toegang toe.',
  'problem.not-found': 'Dit bestaat niet (meer), of je hebt er geen toegang toe.',
  'problem.conflict': 'Dit is intussen veranderd. Vernieuw de pagina en probeer het opnieuw.',
  'problem.rule-violated': 'Dit kan niet volgens de regels van de aanpak.',
  'problem.upstream-failed':
    'Microsoft 365 gaf geen goed antwoord. Probeer het over een paar minuten opnieuw.',
  'problem.not-ready': 'De app is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  'problem.internal':
    'Er ging iets mis aan onze kant. Probeer het opnieuw. Blijft het misgaan? Meld het dan bij de beheerder.',
  'problemReason.last-of-organisation':
    'Dit is de laatste medewerker van de gemeente of de politie in dit netwerk. Kies eerst een opvolger van dezelfde organisatie: die krijgt de rol en de taken.',
  'problemReason.last-administrator':
    'Dit is de laatste beheerder. Wijs eerst iemand anders aan als beheerder.',
  'problemReason.network-archived':
    'Dit netwerk is gearchiveerd. Je kunt er geen overleggen meer voor plannen.',
  'problemReason.network-area-archived': 'Dit netwerk kan niet terug: het gebied is gearchiveerd.',
  'problemReason.network-name-taken': 'Er is al een netwerk met deze naam.',
  'problemReason.community-name-taken': 'Deze gemeenschap staat al op de lijst.',
  'problemReason.organisation-name-taken': 'Er is al een organisatie met deze naam.',
  'problemReason.relation-type-taken': 'Dit soort relatie bestaat al.',
  'problemReason.no-organiser':
    'Dit netwerk heeft geen organisator met een e-mailadres. Kies er een bij de instellingen voor overleggen.',
  'problemReason.meeting-not-planned': 'Alleen een gepland overleg kun je wijzigen of afzeggen.',
  'problemReason.meeting-cancelled': 'Dit overleg is afgezegd. Het heeft geen verslag.',
  'problemReason.meeting-not-started': 'Je kunt het verslag invullen zodra het overleg is begonnen.',
  'problemReason.location-used':
    'Op deze locatie waren al overleggen. Zet de locatie op niet actief in plaats van hem te verwijderen.',
  'problemReason.use-farewell': 'Een lidmaatschap beëindig je met Afscheid nemen: met einddatum en reden.',
  'problemReason.evaluation-not-of-network':
    'Deze evaluatie bestaat niet of hoort niet bij het netwerk van deze persoon.',
  'problemReason.membership-ended': 'Het lidmaatschap van deze persoon is al beëindigd.',
  'problemReason.changed-meanwhile':
    'Iemand anders heeft dit intussen gewijzigd. Vernieuw de pagina en probeer het opnieuw.',
  'problemReason.no-network-for-wijken':
    'Geen netwerk werkt in de gekozen wijken. Er is dus niemand om te waarschuwen.',
  'problemReason.call-out-closed': 'Deze crisisoproep is gesloten.',
  'problemReason.not-a-recipient': 'Deze oproep is niet aan jou gericht. Je kunt er dus niet op antwoorden.',
  'problemReason.rows-with-errors': 'Sommige regels hebben fouten. Er is niets geïmporteerd.',
  'problemReason.no-new-wijken':
    'Het bestand heeft geen nieuwe wijken van deze gemeente. Er is niets geïmporteerd.',
  'problemReason.file-changed-meanwhile':
    'Intussen is een wijk of stadsdeel uit het bestand toegevoegd. Controleer het bestand opnieuw.',
  'problemReason.not-consent-based':
    'Deze persoon staat erin op grond van een publieke taak, niet van toestemming: er is geen toestemming om in te trekken.',
  'problemReason.ally-needs-selection':
    'Iemand wordt alleen bondgenoot via de selectie, als gemeente én politie goedkeuren. Er is niets gewijzigd.',
  'problemReason.selection-bad-transition': 'Deze stap kan niet vanuit de huidige status van de kandidaat.',
  'problemReason.selection-not-ready':
    'Goedkeuren kan pas na een positief huisbezoek met afspraken, toestemming en besliste matches.',
  'problemReason.selection-already-approved':
    'Jouw partij heeft deze kandidaat al goedgekeurd. Nu beslist de andere partij.',
  'problemReason.selection-no-party':
    'Alleen medewerkers van gemeente of politie doen mee aan de selectie; jouw organisatie is onbekend.',
  'problemReason.selection-closed': 'Over deze kandidaat is al besloten.',
  'problemReason.tenant-not-served':
    'Deze medewerker hoort bij een organisatie (tenant) waarvoor de app niet is ingesteld. Outlook wordt daarom niet gelezen: vul de periode zelf in.',
  'problemReason.tenant-not-consented':
    'De beheerder van de Microsoft 365-omgeving van deze medewerker (bijvoorbeeld die van de politie) heeft de app nog geen toestemming gegeven om automatische antwoorden te lezen. Vraag die beheerder om toestemming als beheerder te geven, of vul de periode zelf in.',
} as const;
