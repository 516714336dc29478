import { Button } from '@kinobezdna/design';
import { useRef, useState } from 'react';
import { uploadFile } from '../files/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { toApiError } from './api';
import { useSession } from './session';
import { editOf, type Profile } from './useMe';

const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** An avatar is a public file: anyone who sees the profile may load it, signed in or not. */
export function avatarUrl(fileId: string): string {
  return `/api/files/public/files/${fileId}/content`;
}

/**
 * The profile picture: an image uploaded to the files service as a public file, whose id the
 * profile keeps. A replaced or removed avatar stays in "My files", where it can be deleted.
 */
export function AvatarField({ profile, onChange }: { profile: Profile; onChange: (profile: Profile) => void }) {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(avatarFileId: string) {
    const response = await api('/api/users/me/profile', {
      method: 'PATCH',
      headers: editOf(profile),
      body: JSON.stringify({ avatarFileId }),
    });
    if (!response.ok) throw await toApiError(response);
    onChange(await response.json());
  }

  async function choose(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file || state.status !== 'signed-in') return;
    setError(null);
    if (!AVATAR_TYPES.includes(file.type)) {
      setError(t('avatar.type'));
      return;
    }
    if (file.size > AVATAR_MAX_BYTES) {
      setError(t('avatar.size'));
      return;
    }
    setProgress(0);
    try {
      const stored = await uploadFile(
        file,
        state.accessToken,
        (p) => setProgress(p.total ? p.loaded / p.total : 0),
        undefined,
        'PUBLIC',
      );
      await save(stored.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  }

  async function remove() {
    setError(null);
    try {
      await save('');
    } catch (e) {
      setError(errorText(e));
    }
  }

  const busy = progress !== null;
  return (
    <div className="field avatar-field">
      <span className="avatar-field__label">{t('avatar.label')}</span>
      <div className="avatar-field__row">
        {profile.avatarFileId ? (
          <img className="person-avatar person-avatar--large" src={avatarUrl(profile.avatarFileId)} alt={t('avatar.yours')} width={96} height={96} />
        ) : (
          <span className="person-avatar person-avatar--large" aria-hidden="true">
            {profile.displayName.slice(0, 1).toUpperCase()}
          </span>
        )}
        <div className="avatar-field__actions">
          <input
            ref={input}
            type="file"
            accept={AVATAR_TYPES.join(',')}
            className="visually-hidden"
            aria-label={t('avatar.image')}
            onChange={(e) => void choose(e.target.files)}
          />
          <Button type="button" variant="ghost" onClick={() => input.current?.click()} disabled={busy}>
            {profile.avatarFileId ? t('avatar.change') : t('avatar.upload')}
          </Button>
          {profile.avatarFileId && (
            <Button type="button" variant="ghost" onClick={() => void remove()} disabled={busy}>
              {t('avatar.remove')}
            </Button>
          )}
          {busy && <progress max={1} value={progress ?? 0} aria-label={t('avatar.uploading')} />}
        </div>
      </div>
      <p className="field-hint">{t('avatar.hint')}</p>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
