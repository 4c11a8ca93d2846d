/** Folds case and accents, so a teacher typing "ecologie" finds "Écologie". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

/** True when every word of `query` appears somewhere in `haystack` (any order, case and accents ignored). */
export function matchesQuery(haystack: readonly string[], query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = foldForSearch(haystack.join('\n'));
  return words.every((word) => text.includes(word));
}
