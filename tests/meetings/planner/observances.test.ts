import { describe, expect, it } from '@jest/globals';
import { observancesForCommunities, planSeries } from '../../../src/meetings/planner/index.js';
import { hebrewDate, isChineseNewYear, islamicDate } from '../../../src/meetings/planner/observances.js';
import { dayNumberOf } from '../../../src/platform/time.js';
import { everyDay, meetingOn, reasonsOn } from './helpers.js';

const day = (date: string) => dayNumberOf(date) as number;

describe('calendar facts behind the observances (fixed dates from the issue)', () => {
  it('Ramadan 2026 starts on 18 February (Umm al-Qura month 9)', () => {
    expect(islamicDate(day('2026-02-17')).month).toBe(8);
    expect(islamicDate(day('2026-02-18'))).toEqual({ month: 9, day: 1 });
  });

  it('Eid al-Fitr is 20 March 2026 and Eid al-Adha 27 May 2026', () => {
    expect(islamicDate(day('2026-03-20'))).toEqual({ month: 10, day: 1 });
    expect(islamicDate(day('2026-05-27'))).toEqual({ month: 12, day: 10 });
  });

  it('Rosh Hashana is 12 September 2026 and Yom Kippur 21 September 2026', () => {
    expect(hebrewDate(day('2026-09-12'))).toEqual({ month: 'Tishri', day: 1 });
    expect(hebrewDate(day('2026-09-21'))).toEqual({ month: 'Tishri', day: 10 });
  });

  it('Chinese New Year 2026 is 17 February', () => {
    expect(isChineseNewYear(day('2026-02-17'))).toBe(true);
    expect(isChineseNewYear(day('2026-02-18'))).toBe(false);
  });
});

describe('observances as skip reasons', () => {
  const all = planSeries(
    everyDay({ observances: ['islamic', 'jewish', 'christian', 'hindu', 'keti-koti', 'chinese'] }),
  );

  it('skips every Ramadan day when the network avoids Ramadan', () => {
    expect(meetingOn(all, '2026-02-17')).toBeUndefined(); // Chinese New Year, not Ramadan
    expect(reasonsOn(all, '2026-02-17').map((r) => r.code)).toEqual(['chinese-new-year']);
    expect(reasonsOn(all, '2026-02-18')).toContainEqual({
      code: 'ramadan',
      nl: '18 februari: Ramadan',
      en: '18 February: Ramadan',
    });
    expect(reasonsOn(all, '2026-03-19').map((r) => r.code)).toContain('ramadan');
  });

  it('blocks each Eid plus one day either side, in plain Dutch and English', () => {
    expect(reasonsOn(all, '2026-03-20')).toContainEqual({
      code: 'eid-al-fitr',
      nl: '20 maart: Suikerfeest',
      en: '20 March: Eid al-Fitr',
    });
    expect(reasonsOn(all, '2026-03-21').map((r) => r.nl)).toContain(
      '21 maart: Suikerfeest (door sommigen een dag later gevierd)',
    );
    expect(reasonsOn(all, '2026-05-26').map((r) => r.nl)).toContain(
      '26 mei: Offerfeest (door sommigen een dag eerder gevierd)',
    );
    expect(reasonsOn(all, '2026-05-27')).toContainEqual({
      code: 'eid-al-adha',
      nl: '27 mei: Offerfeest',
      en: '27 May: Eid al-Adha',
    });
    expect(reasonsOn(all, '2026-05-28').map((r) => r.nl)).toEqual([
      '28 mei: Offerfeest (door sommigen een dag later gevierd)',
    ]);
    expect(meetingOn(all, '2026-05-29')).toBeDefined();
  });

  it('blocks the Jewish holidays, their eves in the evening, and Shabbat', () => {
    expect(reasonsOn(all, '2026-09-12').map((r) => r.en)).toContain('12 September: Rosh Hashana');
    expect(reasonsOn(all, '2026-09-13').map((r) => r.en)).toContain('13 September: Rosh Hashana');
    expect(reasonsOn(all, '2026-09-21')).toContainEqual({
      code: 'jewish-holiday',
      nl: '21 september: Jom Kipoer (Grote Verzoendag)',
      en: '21 September: Yom Kippur',
    });
    // Sunday 20 September 19:00–21:00 is after sunset on the eve of Yom Kippur.
    expect(reasonsOn(all, '2026-09-20').map((r) => r.en)).toEqual([
      '20 September: eve of Yom Kippur (begins at sunset)',
    ]);
    expect(reasonsOn(all, '2026-04-02').map((r) => r.code)).toContain('jewish-holiday'); // Pesach
    expect(reasonsOn(all, '2026-05-22').map((r) => r.en)).toContain('22 May: Shavuot');
    expect(reasonsOn(all, '2026-09-26').map((r) => r.code)).toContain('jewish-holiday'); // Sukkot
  });

  it('blocks Christian feasts, Diwali (8 November 2026), Keti Koti and Chinese New Year', () => {
    expect(reasonsOn(all, '2026-04-03')).toContainEqual({
      code: 'christian-holiday',
      nl: '3 april: Goede Vrijdag',
      en: '3 April: Good Friday',
    });
    // Easter is a public holiday as well; it is explained once.
    expect(reasonsOn(all, '2026-04-05').map((r) => r.code)).toEqual(['public-holiday']);
    expect(reasonsOn(all, '2026-11-08')).toContainEqual({
      code: 'diwali',
      nl: '8 november: Divali',
      en: '8 November: Diwali',
    });
    expect(reasonsOn(all, '2026-07-01').map((r) => r.nl)).toEqual(['1 juli: Keti Koti']);
    expect(reasonsOn(all, '2026-02-17').map((r) => r.en)).toEqual(['17 February: Chinese New Year']);
  });

  it('applies only the observances asked for; public holidays and 4–5 May always', () => {
    const none = planSeries(everyDay());
    expect(meetingOn(none, '2026-05-27')).toBeDefined();
    expect(meetingOn(none, '2026-04-03')).toBeDefined();
    expect(meetingOn(none, '2026-11-08')).toBeDefined();
    expect(reasonsOn(none, '2026-05-04').map((r) => r.nl)).toEqual(['4 mei: Dodenherdenking']);
    expect(reasonsOn(none, '2026-05-05').map((r) => r.nl)).toEqual(['5 mei: Bevrijdingsdag']);
    expect(reasonsOn(none, '2026-12-25').map((r) => r.code)).toEqual(['public-holiday']);
    expect(reasonsOn(none, '2026-04-27').map((r) => r.nl)).toEqual(['27 april: Koningsdag']);
  });
});

describe('observancesForCommunities', () => {
  const named = (name: string, traditions: string[]) => ({ name, traditions });

  it('unites the traditions set on the communities, in a fixed order', () => {
    expect(observancesForCommunities([named('Marokkaans', ['islamic'])])).toEqual(['islamic']);
    expect(observancesForCommunities([named('Hindoestaans', ['hindu', 'keti-koti'])])).toEqual([
      'hindu',
      'keti-koti',
    ]);
    expect(
      observancesForCommunities([
        named('Chinees', ['chinese']),
        named('Joods', ['jewish']),
        named('Turks', ['islamic']),
      ]),
    ).toEqual(['islamic', 'jewish', 'chinese']);
  });

  it('never reads the name: any name with a tradition counts, a telling name without one counts nothing', () => {
    expect(observancesForCommunities([named('Gemeenschap De Linde', ['islamic'])])).toEqual(['islamic']);
    expect(
      observancesForCommunities([
        named('Moslims', []),
        named('Joodse gemeenschap', []),
        named('Hindoes', []),
      ]),
    ).toEqual([]);
    expect(observancesForCommunities([])).toEqual([]);
  });
});

describe('observances from community traditions in a plan', () => {
  const linde = { name: 'Gemeenschap De Linde', traditions: ['islamic'] };
  const moslims = { name: 'Moslims', traditions: [] as string[] };

  it('blocks the Eid dates for a community of any name with the islamic tradition', () => {
    const observances = observancesForCommunities([linde]);
    const plan = planSeries(everyDay({ from: '2026-05-20', to: '2026-06-05', observances }));
    expect(reasonsOn(plan, '2026-05-27').map((r) => r.code)).toContain('eid-al-adha');
    expect(meetingOn(plan, '2026-05-27')).toBeUndefined();
  });

  it('blocks nothing for a community named "Moslims" without a tradition', () => {
    const observances = observancesForCommunities([moslims]);
    expect(observances).toEqual([]);
    const plan = planSeries(everyDay({ from: '2026-05-20', to: '2026-06-05', observances }));
    expect(meetingOn(plan, '2026-05-27')).toBeDefined();
  });
});
