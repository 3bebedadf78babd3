/** Dutch texts of the hand-over page (issue 19: "wie neemt het over als iemand het netwerk verlaat?"). */
export const messagesHandOverNl = {
  'handOver.title': 'Overdracht van {name}',
  'handOver.titlePlain': 'Overdracht',
  'handOver.pageTitle': 'Overdracht van {name} – {network}',
  'handOver.linkLabel': 'Taken van {name} overdragen',
  'handOver.intro':
    'Verlaat {name} het netwerk? Hieronder staat wat {name} nog in handen heeft. Kies een collega uit het netwerk: alles gaat in één keer naar die collega.',
  'handOver.noRole':
    '{name} heeft geen rol meer in dit netwerk, maar heeft nog taken die een eigenaar nodig hebben.',
  'handOver.actions': 'Open actiepunten uit overleggen ({count})',
  'handOver.followUps': 'Lopende opvolging van signalen ({count})',
  'handOver.followUp': 'Signaal van {received, date, long}, opvolgen uiterlijk {due, date, long}',
  'handOver.calls': 'Bondgenoten te bellen in lopende crisisoproepen ({count})',
  'handOver.backups': 'Back-up voor ({count})',
  'handOver.due': 'uiterlijk {date, date, long}',
  'handOver.none': 'Niets.',
  'handOver.nothing': '{name} heeft niets meer in handen in dit netwerk.',
  'handOver.form.title': 'Overdragen',
  'handOver.form.successor': 'Wie neemt het over?',
  'handOver.form.choose': 'Kies een collega',
  'handOver.form.note': 'Notitie voor de opvolger (optioneel)',
  'handOver.form.submit': 'Alles overdragen',
  'handOver.form.required': 'Kies een collega.',
  'handOver.form.noSuccessor':
    'Er is geen andere medewerker met een rol in dit netwerk. Geef eerst iemand een rol (beheer).',
  'handOver.form.failed': 'De overdracht is niet gelukt; er is niets verplaatst.',
  'handOver.form.changed':
    'Er is intussen iets veranderd aan de taken. Bekijk de lijst opnieuw en draag dan over.',
  'handOver.done':
    'Overgedragen aan {name}: {actions, plural, one {# actiepunt} other {# actiepunten}}, {followUps, plural, one {# signaal} other {# signalen}}, {calls, plural, one {# bondgenoot} other {# bondgenoten}} om te bellen en {backups, plural, one {# back-uptaak} other {# back-uptaken}}.',
  'handOver.last': 'Laatste overdracht: aan {name} op {date, date, long}.',
  'handOver.lastNote': 'Notitie: {note}',
};
