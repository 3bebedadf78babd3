import type { Translate } from '../../../tab/i18n/use-t.js';
import type { Coverage, Dimension, Representativeness } from '../api/insight-endpoints.js';

type Row = Representativeness['dimensions'][number]['rows'][number];

/** The age bands and genders a target can be set for, in the order the editor lists them. */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const GENDERS = ['female', 'male', 'non-binary'] as const;

/** A dimension's value in the reader's words: "35-44 jaar", "Vrouw", a community's name, or "Onbekend". */
export function valueLabel(
  dimension: Dimension,
  value: string,
  communities: Coverage['communities'],
  t: Translate,
): string {
  if (value === 'unknown') return t('representativeness.unknown');
  if (dimension === 'age_band') return t('representativeness.ageBand', { band: value });
  if (dimension === 'gender') {
    if (value === 'female') return t('representativeness.gender.female');
    if (value === 'male') return t('representativeness.gender.male');
    if (value === 'non-binary') return t('representativeness.gender.non-binary');
    return value;
  }
  return (
    communities.find((community) => community.id === value)?.name ?? t('representativeness.unknownCommunity')
  );
}

/** The values a coordinator can set a target for in a dimension. */
export function targetValues(dimension: Dimension, communities: Coverage['communities']): string[] {
  if (dimension === 'age_band') return [...AGE_BANDS];
  if (dimension === 'gender') return [...GENDERS];
  return [...communities].sort((a, b) => a.name.localeCompare(b.name, 'nl')).map((community) => community.id);
}

/** The editor's text per value: the current target as a whole percentage, or empty without one. */
export function draftFromRows(values: readonly string[], rows: readonly Row[]): Record<string, string> {
  const targets = new Map(rows.map((row) => [row.value, row.target]));
  return Object.fromEntries(
    values.map((value) => {
      const target = targets.get(value);
      return [value, target === null || target === undefined ? '' : String(Math.round(target * 1000) / 10)];
    }),
  );
}

/** The targets to send, or the values whose text is no percentage from 0 to 100. Empty texts mean "no target". */
export function targetsFromDraft(
  draft: Record<string, string>,
): { ok: true; targets: { value: string; share: number }[] } | { ok: false; invalid: string[] } {
  const targets: { value: string; share: number }[] = [];
  const invalid: string[] = [];
  for (const [value, text] of Object.entries(draft)) {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') continue;
    const percent = Number(trimmed);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) invalid.push(value);
    else targets.push({ value, share: Math.round(percent * 10) / 1000 });
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, targets };
}
