/** Dutch texts of Beheer – Crisisoproepen: escalatie; spread into the main catalogue. */
export const messagesCallOutSettingsNl = {
  'admin.callOutSettings': 'Crisisoproepen: escalatie',
  'callOutSettings.intro':
    'Wat er gebeurt als er op een crisisoproep te weinig antwoord komt: wanneer de back-up de kaart krijgt, wanneer medewerkers een herinnering krijgen en wanneer het crisisteam wordt opgeroepen.',
  'callOutSettings.escalation.title': 'Escalatie',
  'callOutSettings.defaultsInUse':
    'Nu gelden de standaardwaarden: back-up na {backup} minuten, minimaal {minimum} beschikbaar, controle na {nextGroup} minuten, herinnering na {reminder} minuten.',
  'callOutSettings.appliesWhen':
    'Nieuwe minuten gelden voor crisisoproepen die na het opslaan starten. Het minimum en het crisisteam gelden ook voor lopende oproepen waarvan de controle nog niet is geweest.',
  'callOutSettings.backup.label': 'Na hoeveel minuten zonder antwoord krijgt de back-up de kaart?',
  'callOutSettings.backup.hint':
    'Per medewerker die de kaart kreeg en in het netwerk een back-up heeft. Van 1 tot 240 minuten.',
  'callOutSettings.minimum.label': 'Hoeveel medewerkers moeten minimaal beschikbaar zijn?',
  'callOutSettings.minimum.hint':
    'Medewerkers die antwoorden ‘Ik kom’ of ‘Ik bel mijn bondgenoten’. Zijn het er bij de controle minder, dan krijgt het crisisteam de kaart. Van 0 tot 100; bij 0 wordt het crisisteam nooit opgeroepen.',
  'callOutSettings.nextGroup.label':
    'Na hoeveel minuten wordt gekeken of er genoeg medewerkers beschikbaar zijn?',
  'callOutSettings.nextGroup.hint':
    'Zijn er dan te weinig, dan krijgt het crisisteam de kaart. Van 1 tot 240 minuten na de start.',
  'callOutSettings.reminder.label':
    'Na hoeveel minuten krijgen medewerkers die nog niet antwoordden een herinnering?',
  'callOutSettings.reminder.hint':
    'Eén keer, en eerder dan de controle voor het crisisteam. Van 1 tot 240 minuten na de start.',
  'callOutSettings.error.minutes': 'Vul een heel aantal minuten in, van 1 tot 240.',
  'callOutSettings.error.minimum': 'Vul een heel getal in, van 0 tot 100.',
  'callOutSettings.error.reminder':
    'Vul een heel aantal minuten in, van 1 tot 240, en minder dan de minuten tot de controle voor het crisisteam.',
  'callOutSettings.save': 'Opslaan',
  'callOutSettings.saved': 'De escalatie-instellingen zijn opgeslagen.',
  'callOutSettings.fixFields': 'Niet opgeslagen: verbeter de gemarkeerde velden.',
  'callOutSettings.saveFailed': 'De instellingen zijn niet opgeslagen',
  'callOutSettings.team.title': 'Crisisteam',
  'callOutSettings.team.intro':
    'Het crisisteam krijgt de kaart als er bij de controle te weinig medewerkers beschikbaar zijn.',
  'callOutSettings.team.empty': 'Er staat nog niemand in het crisisteam.',
  'callOutSettings.team.listLabel': 'Leden van het crisisteam',
  'callOutSettings.team.reachable': 'Bereikbaar via Teams',
  'callOutSettings.team.unreachable': 'Niet bereikbaar via Teams: bel deze persoon',
  'callOutSettings.team.noPhone': 'Geen telefoonnummer bekend',
  'callOutSettings.team.remove': 'Verwijderen',
  'callOutSettings.team.removeLabel': 'Verwijderen uit het crisisteam: {name}',
  'callOutSettings.team.add': 'Toevoegen',
  'callOutSettings.team.pick': 'Medewerker toevoegen aan het crisisteam',
  'callOutSettings.team.pickPlaceholder': 'Kies een medewerker',
  'callOutSettings.team.pickHint': 'Medewerkers van de gemeente en de politie die in deze gemeente werken.',
  'callOutSettings.team.pickRequired': 'Kies eerst een medewerker.',
  'callOutSettings.team.saved': 'Het crisisteam is opgeslagen.',
  'callOutSettings.team.saveFailed': 'Het crisisteam is niet opgeslagen',
  'callOutSettings.loadFailed': 'De instellingen konden niet worden geladen',
};

export type CallOutSettingsMessageId = keyof typeof messagesCallOutSettingsNl;
