/** Languages a teacher is likely to caption in, each in its own name; anything else falls back to the tag itself. */
const NAMES: Readonly<Record<string, string>> = {
  ar: 'العربية',
  de: 'Deutsch',
  en: 'English',
  es: 'Español',
  fr: 'Français',
  hi: 'हिन्दी',
  it: 'Italiano',
  ja: '日本語',
  ko: '한국어',
  nl: 'Nederlands',
  pl: 'Polski',
  pt: 'Português',
  ru: 'Русский',
  sv: 'Svenska',
  tr: 'Türkçe',
  uk: 'Українська',
  zh: '中文',
};

export const SRCLANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

export function languageName(srclang: string): string {
  return NAMES[srclang.split('-')[0]?.toLowerCase() ?? ''] ?? srclang;
}

/** "lecture.fr.vtt" → Français / fr; "lecture-en-GB.vtt" → English / en-GB; no tag → the given fallback language. */
export function captionDefaults(fileName: string, fallback = 'en'): { label: string; srclang: string } {
  const stem = fileName.replace(/\.vtt$/i, '');
  const tag = /[._-]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$/.exec(stem)?.[1]?.replace('_', '-');
  const srclang =
    tag && SRCLANG.test(tag) && NAMES[tag.split('-')[0]?.toLowerCase() ?? ''] !== undefined
      ? normalizeTag(tag)
      : fallback;
  return { label: languageName(srclang), srclang };
}

/** BCP 47 case conventions: language lower, region upper ("en-gb" → "en-GB"). */
export function normalizeTag(tag: string): string {
  return tag
    .split('-')
    .map((part, index) => (index === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part))
    .join('-');
}
