import { Button, isLocale, LOCALE_NAMES, LOCALES, Spinner, useLocale } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { toApiError } from '../account/api';
import { useSession } from '../account/session';
import { useMe, type Settings } from '../account/useMe';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';

const TOGGLES: { key: keyof Settings; label: MessageId }[] = [
  { key: 'autoplay', label: 'settings.autoplay' },
  { key: 'notifyByEmail', label: 'settings.notifyByEmail' },
  { key: 'notifyInApp', label: 'settings.notifyInApp' },
  { key: 'notifyFriendActivity', label: 'settings.notifyFriendActivity' },
];

const THEMES: { code: string; label: MessageId }[] = [
  { code: 'dark', label: 'settings.theme.dark' },
  { code: 'light', label: 'settings.theme.light' },
  { code: 'system', label: 'settings.theme.system' },
];

export function SettingsPage() {
  const { api } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const { locale, setLocale } = useLocale();
  const { me, error, reload } = useMe();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    // no language saved yet: the one the site speaks now is the one to save
    if (me) setSettings({ ...me.settings, language: me.settings.language ?? locale });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a newly loaded profile resets the form
  }, [me]);

  if (error) {
    return (
      <section>
        <h1 className="page-title">{t('nav.settings')}</h1>
        <p className="form-error" role="alert">{errorText(error)}</p>
        <Button variant="ghost" onClick={() => void reload()}>{t('common.tryAgain')}</Button>
      </section>
    );
  }
  if (!settings) return <Spinner label={t('settings.loading')} />;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const response = await api('/api/users/me/settings', { method: 'PUT', body: JSON.stringify(settings) });
      if (!response.ok) throw await toApiError(response);
      const saved = (await response.json()) as Settings;
      setSettings(saved);
      // the saved language applies at once, here and on every page
      if (isLocale(saved.language)) setLocale(saved.language);
      setMessage({ error: false, text: 'settings.saved' });
    } catch (e) {
      setMessage({ error: true, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const update = (patch: Partial<Settings>) => setSettings((s) => (s ? { ...s, ...patch } : s));

  return (
    <section className="account-page">
      <h1 className="page-title">{t('nav.settings')}</h1>
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="language">{t('settings.language')}</label>
          <select id="language" value={settings.language ?? locale} onChange={(e) => update({ language: e.target.value })}>
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme.code} className="choice">
              <input type="radio" name="theme" value={theme.code} checked={settings.theme === theme.code} onChange={() => update({ theme: theme.code })} /> {t(theme.label)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('settings.playback')}</legend>
          {TOGGLES.map((toggle) => (
            <label key={toggle.key} className="choice">
              <input type="checkbox" checked={Boolean(settings[toggle.key])} onChange={(e) => update({ [toggle.key]: e.target.checked })} /> {t(toggle.label)}
            </label>
          ))}
        </fieldset>
        {message && (
          <p className={message.error ? 'form-error' : 'form-notice'} role={message.error ? 'alert' : 'status'}>
            {message.error ? message.text : t(message.text as MessageId)}
          </p>
        )}
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('settings.save')}</Button>
      </form>
    </section>
  );
}
