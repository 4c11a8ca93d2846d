/** Folds case and accents, so a teacher typing "ecologie" finds "Écologie". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

/** The words of a query, folded; none means everything matches. */
export function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/**
 * True when every word appears somewhere in the text (any order, case and accents ignored). The text is already
 * folded (foldForSearch), so a library folds each project's text once, not once per keystroke.
 */
export function matchesWords(foldedText: string, words: readonly string[]): boolean {
  return words.every((word) => foldedText.includes(word));
}
