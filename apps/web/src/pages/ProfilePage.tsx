import { Button, LOCALE_NAMES, LOCALES, Spinner } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, toApiError } from '../account/api';
import { AvatarField } from '../account/AvatarField';
import { Field } from '../account/Field';
import { useSession } from '../account/session';
import { editOf, useMe } from '../account/useMe';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';

export function ProfilePage() {
  const { api, renamed, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const { me, setMe, error, reload } = useMe();
  const [displayName, setDisplayName] = useState('');
  const [bio, setBio] = useState('');
  const [locale, setLocale] = useState('ru');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<MessageId | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    if (me) {
      setDisplayName(me.profile.displayName);
      setBio(me.profile.bio);
      setLocale(me.profile.locale);
    }
  }, [me]);

  if (error) {
    return (
      <section>
        <h1 className="page-title">{t('profile.title')}</h1>
        <p className="form-error" role="alert">{errorText(error)}</p>
        <Button variant="ghost" onClick={() => void reload()}>{t('common.tryAgain')}</Button>
      </section>
    );
  }
  if (!me) return <Spinner label={t('profile.loading')} />;

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setFormError(null);
    // what the browser can check, it says in the reader's language before asking the server
    if (!displayName.trim()) {
      setFields({ displayName: t('register.problem.name') });
      return;
    }
    setFields({});
    setBusy(true);
    try {
      const response = await api('/api/users/me/profile', {
        method: 'PATCH',
        headers: editOf(me!.profile),
        body: JSON.stringify({ displayName, bio, locale }),
      });
      if (response.status === 409) {
        // edited in another tab meanwhile: show that version rather than overwrite it
        await reload();
        setFormError(t('profile.changedElsewhere'));
        return;
      }
      if (!response.ok) throw await toApiError(response);
      const profile = await response.json();
      setMe({ ...me!, profile });
      renamed(profile.displayName);
      setNotice('profile.saved');
    } catch (e) {
      setFormError(errorText(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="account-page">
      <h1 className="page-title">{t('profile.title')}</h1>
      {state.status === 'signed-in' && <p className="muted">{t('profile.signedInAs', { email: state.user.email })}</p>}
      <AvatarField profile={me.profile} onChange={(profile) => setMe({ ...me, profile })} />
      <form onSubmit={save} noValidate>
        <Field id="displayName" label={t('profile.displayName')} value={displayName} maxLength={60} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
        <div className="field">
          <label htmlFor="bio">{t('profile.bio')}</label>
          <textarea id="bio" value={bio} maxLength={500} rows={4} onChange={(e) => setBio(e.target.value)} aria-describedby="bio-count" />
          <p id="bio-count" className="field-hint">{bio.length} / 500</p>
          {fields.bio && <p className="field-error" role="alert">{fields.bio}</p>}
        </div>
        <div className="field">
          <label htmlFor="locale">{t('profile.locale')}</label>
          <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value)} aria-describedby="locale-hint">
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
          <p id="locale-hint" className="field-hint">{t('profile.localeHint')}</p>
        </div>
        {formError && <p className="form-error" role="alert">{formError}</p>}
        {notice && <p className="form-notice" role="status">{t(notice)}</p>}
        <Button type="submit" disabled={busy}>{busy ? t('common.saving') : t('profile.save')}</Button>
      </form>
    </section>
  );
}
