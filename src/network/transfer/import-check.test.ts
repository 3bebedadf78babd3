import { describe, expect, it } from '@jest/globals';
import { checkImportFile, type ImportContext, importRefusal, readCsvImportFile } from './import-check.js';

const ids = {
  deVelden: '00000000-0000-4000-8000-0000000000a1',
  deMarken: '00000000-0000-4000-8000-0000000000a2',
  surinaams: '00000000-0000-4000-8000-0000000000c1',
  scholen: '00000000-0000-4000-8000-0000000000c2',
};

function buildContext(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    neighbourhoods: [
      { id: ids.deVelden, name: 'De Velden' },
      { id: ids.deMarken, name: 'De Marken' },
    ],
    communities: [
      { id: ids.surinaams, name: 'Surinaams' },
      { id: ids.scholen, name: 'Scholen' },
    ],
    storedPeople: [],
    ...overrides,
  };
}

const check = (csv: string, context = buildContext()) => checkImportFile(readCsvImportFile(csv), context);

const FULL_HEADER =
  'naam;soort;professional;wijk;gemeenschappen;mobiel;email;achterban;voorkeurskanaal;talen;beschikbaarheid;leeftijd;gender;grondslag;toestemmingsdatum';

describe('checkImportFile', () => {
  it('turns a complete row into the person that adding by hand would store', () => {
    const result = check(
      `${FULL_HEADER}\r\nFictieve Bondgenoot;sleutelfiguur;nee;de marken;Surinaams|scholen;06-12345678;fictief@example.org;Buurtvereniging (fictief);WhatsApp;Nederlands|Sranantongo;Avonds;35-44;vrouw;toestemming;05-01-2026\r\n`,
    );
    expect(result.preview).toMatchObject({ valid: 1, invalid: 0, warnings: [] });
    expect(result.preview.columns).toEqual({ recognised: FULL_HEADER.split(';'), unknown: [] });
    expect(result.people).toEqual([
      {
        displayName: 'Fictieve Bondgenoot',
        kind: 'key_figure',
        isProfessional: false,
        neighbourhoodId: ids.deMarken,
        communityIds: [ids.surinaams, ids.scholen],
        mobile: '+31612345678',
        email: 'fictief@example.org',
        following: 'Buurtvereniging (fictief)',
        preferredChannel: 'whatsapp',
        languages: ['Nederlands', 'Sranantongo'],
        availability: 'Avonds',
        ageBand: '35-44',
        gender: 'female',
        legalBasis: 'consent',
        consentDate: '2026-01-05',
      },
    ]);
    expect(result.preview.rows[0]).toMatchObject({
      line: 2,
      neighbourhood: 'De Marken',
      communities: ['Surinaams', 'Scholen'],
      errors: [],
    });
  });

  it('applies the defaults of adding by hand to empty cells', () => {
    const result = check('naam;grondslag;Opmerking\nFictieve Sleutelfiguur;publieke taak;iets\n');
    expect(result.people[0]).toMatchObject({ kind: 'key_figure', isProfessional: false, communityIds: [] });
    expect(result.preview.columns.unknown).toEqual(['Opmerking']);
  });

  it('names the line and column of every bad cell, and stores no one', () => {
    const result = check(
      `${FULL_HEADER}\nFictief Goed;;;;;;;;;;;;;publieke taak;\nFictief Fout;vriend;misschien;Nergenshuizen;Vissers;12;geen-mail;;duif;;;40;x;toestemming;31-02-2026\n`,
    );
    expect(result.preview).toMatchObject({ valid: 1, invalid: 1 });
    expect(result.people).toEqual([]);
    expect(result.preview.rows[1]?.errors.map((error) => error.column)).toEqual([
      'soort',
      'professional',
      'wijk',
      'gemeenschappen',
      'mobiel',
      'email',
      'voorkeurskanaal',
      'leeftijd',
      'gender',
      'toestemmingsdatum',
    ]);
  });

  it('needs a name and a consent date when the basis is consent', () => {
    const result = check('naam;wijk\n;De Velden\nFictief Zonder Datum;\n');
    expect(result.preview.rows.map((row) => row.errors)).toEqual([
      [
        { column: 'naam', code: 'required', message: 'is required' },
        {
          column: 'toestemmingsdatum',
          code: 'required',
          message: 'is required when the legal basis is consent',
        },
      ],
      [
        {
          column: 'toestemmingsdatum',
          code: 'required',
          message: 'is required when the legal basis is consent',
        },
      ],
    ]);
  });

  it('applies the rules over the whole file: no allies, and no duplicates within it', () => {
    const result = check(
      'naam;soort;grondslag\nFictieve A;bondgenoot;publieke taak\nFictieve B;sleutelfiguur;publieke taak\nFictieve B;sleutelfiguur;publieke taak\n',
    );
    expect(result.people).toEqual([]);
    expect(result.preview.rows[0]?.errors).toEqual([
      {
        column: 'soort',
        code: 'ally_via_selection',
        message: 'an ally is admitted through selection (both parties approve); import them as key figure',
      },
    ]);
    expect(result.preview.rows[1]?.errors).toEqual([]);
    expect(result.preview.rows[2]?.errors[0]).toMatchObject({ code: 'duplicate', kind: 'row', line: 3 });
  });

  it('flags a row that may be a person already stored, by mobile or by name in the same wijk', () => {
    const stored = [
      {
        displayName: 'Fictieve Ouder',
        neighbourhoodId: ids.deVelden,
        mobile: null,
        email: null,
        kind: 'key_figure',
      },
      {
        displayName: 'Iemand Anders',
        neighbourhoodId: null,
        mobile: '+31612345678',
        email: null,
        kind: 'ally',
      },
    ];
    const result = check(
      'naam;wijk;mobiel;grondslag\nfictieve ouder;De Velden;;publieke taak\nFictief Nieuw;;06-12345678;publieke taak\nFictieve Ouder;De Marken;06-11112222;publieke taak\n',
      buildContext({ storedPeople: stored }),
    );
    expect(
      result.preview.rows.map((row) => row.errors.map((e) => [e.column, e.code, e.kind, e.reason])),
    ).toEqual([
      [['naam', 'duplicate', 'person', 'name_wijk']],
      [['mobiel', 'duplicate', 'person', 'mobile']],
      [],
    ]);
    expect(result.people).toEqual([]);
  });
});

describe('importRefusal', () => {
  it('is a 422 whose errors name line and column', () => {
    const { preview } = check('naam;mobiel;grondslag\nFictief A;06-1;publieke taak\n');
    const refusal = importRefusal(preview);
    expect(refusal.code).toBe('rule-violated');
    expect(refusal.detail).toBe('1 of 1 rows have errors; nothing was imported.');
    expect(refusal.errors).toEqual([
      {
        field: 'body.csv.line.2.mobiel',
        code: 'invalid_phone',
        message: expect.stringMatching(/^line 2, mobiel: must be a valid phone/),
      },
    ]);
  });
});
