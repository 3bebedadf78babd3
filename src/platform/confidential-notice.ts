/**
 * The notice every export of personal data carries (issue 18, item 7): the files hold special-category
 * data (AVG art. 9), so whoever opens one reads first that it is confidential and what to do with it.
 * Lines of exports that the import reads back start with {@link CONFIDENTIAL_PREFIX} so it can skip them.
 */
export const CONFIDENTIAL_NOTICE = {
  nl: 'VERTROUWELIJK – bevat persoonsgegevens, ook bijzondere (AVG art. 9). Alleen voor wie ze voor het bondgenotennetwerk nodig heeft; niet doorsturen of delen; vernietigen na gebruik.',
  en: 'CONFIDENTIAL – contains personal data, including special categories (GDPR art. 9). Only for those who need it for the ally network; do not forward or share; destroy after use.',
} as const;

/** The words an exported notice line starts with, in either language. */
export const CONFIDENTIAL_PREFIXES = ['VERTROUWELIJK', 'CONFIDENTIAL'] as const;

/** True when a line of a file is an export's confidentiality notice (so a reader can skip it). */
export function isConfidentialNoticeLine(line: string): boolean {
  const bare = line.replace(/^\uFEFF/, '').replace(/^"/, '');
  return CONFIDENTIAL_PREFIXES.some((prefix) => bare.startsWith(prefix));
}
