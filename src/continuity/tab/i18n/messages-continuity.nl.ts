/** Dutch texts of the absence page (issue 19: "wie is er niet, en wie neemt het over?"). */
export const messagesContinuityNl = {
  'absence.title': 'Afwezigheid',
  'absence.pageTitle': 'Afwezigheid – {network}',
  'absence.back': 'Terug naar {network}',
  'absence.backToNetwork': 'Terug naar het netwerk',
  'absence.intro':
    'Leg vast wanneer je er niet bent. Tijdens je afwezigheid krijgt je back-up een crisisoproep als eerste en rekent de planner die dagen als bezet.',
  'absence.list.title': 'Afwezig nu en binnenkort',
  'absence.list.empty': 'Niemand van dit netwerk heeft een afwezigheid opgegeven.',
  'absence.col.who': 'Medewerker',
  'absence.col.from': 'Van',
  'absence.col.until': 'Tot en met',
  'absence.col.backup': 'Back-up neemt over',
  'absence.col.note': 'Notitie',
  'absence.col.actions': 'Acties',
  'absence.now': 'nu afwezig',
  'absence.source.outlook': 'uit Outlook',
  'absence.noBackup': 'Geen back-up: wijs er een aan op de netwerkpagina',
  'absence.date': '{date, date, long}',
  'absence.remove': 'Verwijderen',
  'absence.remove.label': 'Afwezigheid van {name} van {from, date, long} verwijderen',
  'absence.remove.title': 'Afwezigheid verwijderen?',
  'absence.remove.body':
    '{name} is dan van {from, date, long} tot en met {until, date, long} weer gewoon bereikbaar voor crisisoproepen en de planner.',
  'absence.remove.failed': 'De afwezigheid is niet verwijderd',
  'absence.removed': 'De afwezigheid van {name} is verwijderd.',
  'absence.form.title': 'Afwezigheid vastleggen',
  'absence.form.who': 'Wie is er afwezig?',
  'absence.form.self': 'Voor: {name}',
  'absence.form.from': 'Eerste dag',
  'absence.form.until': 'Laatste dag',
  'absence.form.note': 'Notitie (optioneel, bijvoorbeeld "vakantie" of "cursus")',
  'absence.form.submit': 'Vastleggen',
  'absence.form.required': 'Vul een datum in.',
  'absence.form.failed': 'De afwezigheid is niet vastgelegd.',
  'absence.outlook.take': 'Overnemen uit Outlook',
  'absence.outlook.taken':
    'Overgenomen uit je automatische antwoorden in Outlook: {from, date, long} tot en met {until, date, long}. Controleer en leg vast.',
  'absence.outlook.none':
    '{state, select, off {In Outlook staan geen automatische antwoorden aan.} always {In Outlook staan automatische antwoorden aan zonder einddatum: vul de periode zelf in.} ended {De periode van de automatische antwoorden in Outlook is al voorbij.} other {Outlook geeft geen periode.}}',
  'absence.outlook.unavailable':
    '{reason, select, local {Outlook is in deze omgeving niet gekoppeld: vul de periode zelf in.} not_signed_in {Deze medewerker heeft zich nog niet aangemeld in de app, dus de mailbox is nog niet bekend: vul de periode zelf in.} no_mailbox {Er is geen Outlook-mailbox gevonden.} not_permitted {De organisatie heeft het lezen van automatische antwoorden niet toegestaan.} time_zone {De tijdzone van de automatische antwoorden is onbekend: vul de periode zelf in.} other {Outlook kon niet gelezen worden.}}',
  'absence.outlook.failed': 'Outlook kon niet gelezen worden',
  'absence.recorded':
    'Afwezigheid van {name} vastgelegd van {from, date, long} tot en met {until, date, long}.',
  'absence.viewOnly':
    'Je kunt hier alleen je eigen afwezigheid vastleggen als je een rol in dit netwerk hebt; coördinatoren doen dat ook voor anderen.',
};
