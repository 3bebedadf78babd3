/** Dutch texts of the meeting side panel in a Teams meeting; spread into the main catalogue. */
export const messagesPanelNl = {
  'panel.documentTitle': 'Zijpaneel – Bondgenoten',
  'panel.notInMeeting.title': 'Open dit paneel in een Teams-vergadering',
  'panel.notInMeeting.body':
    'Het zijpaneel hoort bij een overleg of een crisisbijeenkomst in Teams. Voeg Bondgenoten toe aan de vergadering en open het daar.',
  'panel.noAccess.title': 'Geen toegang',
  'panel.noAccess.body':
    'Deze vergadering hoort niet bij een overleg of crisisoproep van jouw netwerken. Alleen de medewerkers van het netwerk zien hier iets.',
  'panel.meeting.title': 'Overleg van {date}',
  'panel.meeting.when': '{network}, {time} uur',
  'panel.meeting.noChair': 'Nog niet gekozen',
  'panel.meeting.agenda': 'Agendapunten van',
  'panel.meeting.noAgenda': 'Niemand',
  'panel.record.title': 'Verslag',
  'panel.record.actions': 'Afspraken',
  'panel.record.readOnly':
    'Alleen de coördinatoren en de secretaris van het netwerk leggen het verslag vast. Je ziet het op de overlegpagina.',
  'panel.record.notStarted': 'Het verslag kun je vastleggen zodra het overleg begonnen is.',
  'panel.save.idle': 'Wat je invult, wordt vanzelf opgeslagen.',
  'panel.save.saving': 'Bezig met opslaan…',
  'panel.save.saved': 'Opgeslagen om {time}',
  'panel.save.failed': 'Niet opgeslagen. Je invoer blijft staan en we proberen het zo opnieuw.',
  'panel.save.invalid': 'Niet opgeslagen: verbeter wat hieronder gemarkeerd is.',
  'panel.save.retry': 'Nu opnieuw proberen',
  'panel.save.conflict': 'Iemand anders heeft het verslag intussen gewijzigd. Je invoer staat er nog.',
  'panel.save.keepMine': 'Mijn versie bewaren',
  'panel.save.loadTheirs': 'Hun versie laden',
} as const;

export type PanelMessageId = keyof typeof messagesPanelNl;
