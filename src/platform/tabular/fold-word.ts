/**
 * Folds a heading or value to the letters and digits that carry its meaning, so that `E-mail`,
 * `e mail` and `Email`, or `Non-binair` and `non binair`, compare equal.
 */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]/g, '');
}
