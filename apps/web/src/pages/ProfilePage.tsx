import { Button, Spinner } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, messageOf, toApiError } from '../account/api';
import { AvatarField } from '../account/AvatarField';
import { Field } from '../account/Field';
import { useSession } from '../account/session';
import { editOf, useMe } from '../account/useMe';

export function ProfilePage() {
  const { api, renamed, state } = useSession();
  const { me, setMe, error, reload } = useMe();
  const [displayName, setDisplayName] = useState('');
  const [bio, setBio] = useState('');
  const [locale, setLocale] = useState('ru');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
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
        <h1 className="page-title">Profile</h1>
        <p className="form-error" role="alert">{messageOf(error)}</p>
        <Button variant="ghost" onClick={() => void reload()}>Try again</Button>
      </section>
    );
  }
  if (!me) return <Spinner label="Loading your profile" />;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    setFormError(null);
    setFields({});
    try {
      const response = await api('/api/users/me/profile', {
        method: 'PATCH',
        headers: editOf(me!.profile),
        body: JSON.stringify({ displayName, bio, locale }),
      });
      if (response.status === 409) {
        // edited in another tab meanwhile: show that version rather than overwrite it
        await reload();
        setFormError('Your profile was changed elsewhere in the meantime. Its latest version is shown; make your change again.');
        return;
      }
      if (!response.ok) throw await toApiError(response);
      const profile = await response.json();
      setMe({ ...me!, profile });
      renamed(profile.displayName);
      setNotice('Profile saved.');
    } catch (e) {
      setFormError(messageOf(e));
      if (e instanceof ApiError) setFields(e.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="account-page">
      <h1 className="page-title">Profile</h1>
      {state.status === 'signed-in' && <p className="muted">Signed in as {state.user.email}</p>}
      <AvatarField profile={me.profile} onChange={(profile) => setMe({ ...me, profile })} />
      <form onSubmit={save} noValidate>
        <Field id="displayName" label="Display name" value={displayName} maxLength={60} onChange={(e) => setDisplayName(e.target.value)} error={fields.displayName} />
        <div className="field">
          <label htmlFor="bio">About you</label>
          <textarea id="bio" value={bio} maxLength={500} rows={4} onChange={(e) => setBio(e.target.value)} aria-describedby="bio-count" />
          <p id="bio-count" className="field-hint">{bio.length} / 500</p>
          {fields.bio && <p className="field-error" role="alert">{fields.bio}</p>}
        </div>
        <div className="field">
          <label htmlFor="locale">Profile language</label>
          <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </div>
        {formError && <p className="form-error" role="alert">{formError}</p>}
        {notice && <p className="form-notice" role="status">{notice}</p>}
        <Button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save profile'}</Button>
      </form>
    </section>
  );
}
