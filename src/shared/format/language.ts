/**
 * The name of the language a BCP 47 code stands for, in English ("pt-BR" → "Brazilian Portuguese"), so a form can say
 * what the teacher typed in words; null when the code is not one the runtime knows.
 */
export function languageName(code: string): string | null {
  const trimmed = code.trim();
  if (!trimmed) return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(trimmed);
    return name ?? null;
  } catch {
    return null;
  }
}

/** The hint under a language field: the name of what was typed, or how to type one. */
export function languageHint(code: string): string {
  const name = languageName(code);
  return name ? `That is ${name}.` : 'Type the language’s short code: en for English, fr for French, es for Spanish';
}
