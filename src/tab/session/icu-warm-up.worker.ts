// Runs in a worker thread of the tab's renderer (see icu-warm-up.ts): the first use of each kind of `Intl` object
// loads ICU's data and builds V8's sets of available locales, 15-40 ms on the thread that comes first. Both are
// kept for the whole renderer process, so done here the main thread's first `Intl` call (react-intl's createIntl,
// the page's first date) finds them ready. Only what the tab's first pages use, in both of its locales.
for (const locale of ['nl-NL', 'en-GB']) {
  Intl.NumberFormat.supportedLocalesOf(locale);
  Intl.DateTimeFormat.supportedLocalesOf(locale);
  Intl.PluralRules.supportedLocalesOf(locale);
  new Intl.PluralRules(locale).select(2);
  new Intl.NumberFormat(locale).format(1.5);
  new Intl.Collator(locale).compare('a', 'b');
  for (const timeZone of ['Europe/Amsterdam', 'UTC'])
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(0);
}
self.close();
