/** Dutch texts of *Bijeenkomst nu* and the local outbox; spread into the main catalogue. */
export const messagesConveneNl = {
  'convene.title': 'Bijeenkomst',
  'convene.onTheWay':
    '{total, plural, one {# persoon onderweg} other {# personen onderweg}} ({staff, plural, one {# stafmedewerker} other {# stafmedewerkers}}, {allies, plural, one {# bondgenoot} other {# bondgenoten}})',
  'convene.none': 'Nog geen bijeenkomst. Bijeenkomst nu maakt een Teams-vergadering binnen het uur.',
  'convene.intro':
    'Uitgenodigd worden: staf die komt of bondgenoten belt, en bondgenoten die volgens het belrapport komen. Bondgenoten met een e-mailadres krijgen de link per mail.',
  'convene.button': 'Bijeenkomst nu',
  'convene.buttonAgain': 'Nieuw aangemelden uitnodigen',
  'convene.duration': 'Duur',
  'convene.minutes': '{minutes} minuten',
  'convene.created': 'De bijeenkomst is gemaakt.',
  'convene.failed': 'De bijeenkomst kon niet worden gemaakt',
  'convene.loadFailed': 'De bijeenkomst kon niet worden gelezen',
  'convene.start': 'Begint om {time}',
  'convene.join': 'Deelnemen aan de bijeenkomst',
  'convene.local':
    'Lokale proefomgeving: dit is een plaatsaanduiding, geen echte Teams-vergadering. Uitnodigingen en e-mails staan in de lokale postbus.',
  'convene.pending': 'De agenda heeft de bijeenkomst nog niet bevestigd; probeer Bijeenkomst nu opnieuw.',
  'convene.mail':
    '{sent, plural, one {# e-mail} other {# e-mails}} verstuurd, {failed} mislukt, {withoutAddress} bondgenoten zonder e-mailadres (bellen)',
  'convene.toOutbox': 'Naar de lokale postbus',
  'localOutbox.title': 'Lokale postbus',
  'localOutbox.intro':
    'Wat de app in de lokale proefomgeving zou hebben verstuurd: agenda-uitnodigingen (.ics) en e-mails die je mag zien. Er verlaat niets deze computer.',
  'localOutbox.empty': 'De lokale postbus is leeg.',
  'localOutbox.kind.mail': 'E-mail',
  'localOutbox.kind.calendar': 'Uitnodiging',
  'localOutbox.to': 'Aan: {recipients}',
  'localOutbox.download': '.ics downloaden',
  'localOutbox.loadFailed': 'De lokale postbus kon niet worden gelezen',
};

export type ConveneMessageId = keyof typeof messagesConveneNl;
