import { Button, Spinner } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { messageOf, toApiError } from '../account/api';
import { useSession } from '../account/session';
import { useMe, type Settings } from '../account/useMe';

const TOGGLES: { key: keyof Settings; label: string }[] = [
  { key: 'autoplay', label: 'Play the next episode or trailer automatically' },
  { key: 'notifyByEmail', label: 'Email me about my orders and account' },
  { key: 'notifyInApp', label: 'Show notifications in the app' },
  { key: 'notifyFriendActivity', label: 'Tell me when friends want to watch the same film' },
];

export function SettingsPage() {
  const { api } = useSession();
  const { me, error, reload } = useMe();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    if (me) setSettings(me.settings);
  }, [me]);

  if (error) {
    return (
      <section>
        <h1 className="page-title">Settings</h1>
        <p className="form-error" role="alert">{messageOf(error)}</p>
        <Button variant="ghost" onClick={() => void reload()}>Try again</Button>
      </section>
    );
  }
  if (!settings) return <Spinner label="Loading your settings" />;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const response = await api('/api/users/me/settings', { method: 'PUT', body: JSON.stringify(settings) });
      if (!response.ok) throw await toApiError(response);
      setSettings(await response.json());
      setMessage({ error: false, text: 'Settings saved.' });
    } catch (e) {
      setMessage({ error: true, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  const update = (patch: Partial<Settings>) => setSettings((s) => (s ? { ...s, ...patch } : s));

  return (
    <section className="account-page">
      <h1 className="page-title">Settings</h1>
      <form onSubmit={save}>
        <div className="field">
          <label htmlFor="language">Language</label>
          <select id="language" value={settings.language} onChange={(e) => update({ language: e.target.value })}>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </div>
        <fieldset className="field">
          <legend>Theme</legend>
          {['dark', 'light', 'system'].map((theme) => (
            <label key={theme} className="choice">
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => update({ theme })} /> {theme[0].toUpperCase() + theme.slice(1)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Playback and notifications</legend>
          {TOGGLES.map((toggle) => (
            <label key={toggle.key} className="choice">
              <input type="checkbox" checked={Boolean(settings[toggle.key])} onChange={(e) => update({ [toggle.key]: e.target.checked })} /> {toggle.label}
            </label>
          ))}
        </fieldset>
        {message && <p className={message.error ? 'form-error' : 'form-notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
        <Button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save settings'}</Button>
      </form>
    </section>
  );
}
