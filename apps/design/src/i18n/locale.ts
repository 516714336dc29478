/** The languages both apps are written in; a catalog for each is complete (the build checks it). */
export const LOCALES = ['ru', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = { ru: 'Русский', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * A visitor's language from the browser's preferred languages (navigator.languages, best first):
 * the first of them we have, by its primary subtag ("ru-RU" is Russian); English when none is.
 */
export function browserLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}
