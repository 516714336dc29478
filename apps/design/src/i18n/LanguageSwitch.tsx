import { useIntl } from 'react-intl';
import { LOCALES, LOCALE_NAMES, type Locale } from './locale';
import { useLocale } from './LocaleProvider';

/**
 * The language switch of the header (site) and the profile (app): the choice applies at once;
 * onChosen lets the app also save it as the signed-in user's setting.
 */
export function LanguageSwitch({ onChosen, id = 'kb-language' }: { onChosen?: (locale: Locale) => void; id?: string }) {
  const { locale, setLocale } = useLocale();
  const intl = useIntl();
  return (
    <select
      id={id}
      className="kb-language"
      aria-label={intl.formatMessage({ id: 'design.language.label' })}
      value={locale}
      onChange={(event) => {
        const next = event.target.value as Locale;
        setLocale(next);
        onChosen?.(next);
      }}
    >
      {LOCALES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LOCALE_NAMES[code]}
        </option>
      ))}
    </select>
  );
}
