/* eslint-disable kinobezdna/no-untranslated-text -- the wordmark is the brand, the same in every language */
import { useIntl } from 'react-intl';

const BRAND = 'КиноБездна';

/**
 * The wordmark: КиноБездна with the accent on the abyss (the brand is not translated). Its link's
 * name starts with what it shows, so a voice user can say what they see.
 */
export function Logo({ href = '/' }: { href?: string }) {
  const intl = useIntl();
  return (
    <a className="kb-logo" href={href} aria-label={intl.formatMessage({ id: 'design.logo.home' }, { brand: BRAND })}>
      Кино<span>Бездна</span>
    </a>
  );
}
