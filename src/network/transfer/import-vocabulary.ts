import type { z } from 'zod';
import { foldWord } from '../../platform/tabular/fold-word.js';
import type {
  ageBandSchema,
  genderSchema,
  legalBasisSchema,
  personKindSchema,
  preferredChannelSchema,
} from '../schemas.js';

type PersonKind = z.infer<typeof personKindSchema>;
type Channel = z.infer<typeof preferredChannelSchema>;
type Gender = z.infer<typeof genderSchema>;
type LegalBasis = z.infer<typeof legalBasisSchema>;
type AgeBand = z.infer<typeof ageBandSchema>;

/** The Dutch words the export writes, one per value; the import reads them back. */
export const KIND_WORDS: Record<PersonKind, string> = {
  key_figure: 'sleutelfiguur',
  ally: 'bondgenoot',
  former_ally: 'oud-bondgenoot',
  former_key_figure: 'oud-sleutelfiguur',
};
export const CHANNEL_WORDS: Record<Channel, string> = {
  phone: 'telefoon',
  sms: 'sms',
  whatsapp: 'whatsapp',
  email: 'email',
};
export const GENDER_WORDS: Record<Gender, string> = {
  female: 'vrouw',
  male: 'man',
  'non-binary': 'non-binair',
};
export const LEGAL_BASIS_WORDS: Record<LegalBasis, string> = {
  consent: 'toestemming',
  public_task: 'publieke taak',
};
export const YES_NO_WORDS = { yes: 'ja', no: 'nee' } as const;
export const AGE_BANDS: readonly AgeBand[] = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];

/** A closed list of values: folded spellings (Dutch first, English aliases after) → value. */
export interface Vocabulary<T> {
  /** What an error message lists as the accepted values. */
  expected: string;
  words: ReadonlyMap<string, T>;
}

function vocabulary<T>(dutch: readonly (readonly [T, string])[], aliases: Record<string, T>): Vocabulary<T> {
  const words = new Map<string, T>();
  for (const [value, word] of dutch) words.set(foldWord(word), value);
  for (const [alias, value] of Object.entries(aliases)) words.set(foldWord(alias), value);
  return { expected: dutch.map(([, word]) => word).join(', '), words };
}

const pairs = <K extends string>(words: Record<K, string>) => Object.entries(words) as [K, string][];

export const KINDS = vocabulary<PersonKind>(pairs(KIND_WORDS), {
  'key figure': 'key_figure',
  'former ally': 'former_ally',
  ally: 'ally',
  'oud bondgenoot': 'former_ally',
  'former key figure': 'former_key_figure',
});
export const CHANNELS = vocabulary<Channel>(pairs(CHANNEL_WORDS), {
  phone: 'phone',
  bellen: 'phone',
  tekstbericht: 'sms',
  mail: 'email',
});
export const GENDERS = vocabulary<Gender>(pairs(GENDER_WORDS), {
  female: 'female',
  male: 'male',
  'non-binary': 'non-binary',
  v: 'female',
  m: 'male',
});
export const LEGAL_BASES = vocabulary<LegalBasis>(pairs(LEGAL_BASIS_WORDS), {
  consent: 'consent',
  'public task': 'public_task',
  public_task: 'public_task',
});
export const YES_NO = vocabulary<boolean>(
  [
    [true, YES_NO_WORDS.yes],
    [false, YES_NO_WORDS.no],
  ],
  { j: true, n: false, yes: true, no: false, y: true, true: true, false: false, 1: true, 0: false },
);
