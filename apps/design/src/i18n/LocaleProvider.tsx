import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import designEn from './en.json';
import designRu from './ru.json';
import { browserLocale, isLocale, type Locale } from './locale';

/** A language's messages: ICU MessageFormat strings by id. */
export type Catalog = Record<string, string>;

interface LocaleState {
  locale: Locale;
  /** Shows the site in this language at once and remembers it in this browser. */
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** The design package's own messages; a new language in LOCALES must add its catalog here. */
const DESIGN_CATALOGS: Record<Locale, Catalog> = { en: designEn, ru: designRu };

const STORAGE_KEY = 'kb.locale';

function remembered(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The language of everything below it: a choice made in this browser (the switch, or a signed-in
 * user's setting once adopted) or else the browser's preferred languages. A change re-renders in
 * the new language without a reload, and the page's <html lang> follows it, so screen readers
 * pronounce it right. The app's catalogs are merged over the design package's own.
 */
export function LocaleProvider({ catalogs, children }: { catalogs: Record<Locale, Catalog>; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => remembered() ?? browserLocale(navigator.languages ?? [navigator.language]));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const messages = useMemo(
    () => ({ ...DESIGN_CATALOGS[locale], ...catalogs[locale] }),
    [catalogs, locale],
  );
  const state = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={state}>
      <IntlProvider locale={locale} defaultLocale="en" messages={messages}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}
