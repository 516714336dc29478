import { useCallback, useEffect, useState } from 'react';
import { toApiError } from './api';
import { useSession } from './session';

export interface Profile {
  userId: string;
  displayName: string;
  bio: string;
  avatarFileId: string | null;
  locale: string;
  /** What an edit sends as If-Match: the server refuses an edit of a version replaced meanwhile. */
  version: number;
}

/** The If-Match header of an edit of this profile. */
export function editOf(profile: Profile): Record<string, string> {
  return { 'If-Match': `"${profile.version}"` };
}

export interface Settings {
  /** null until the user saves one: the site follows the browser meanwhile. */
  language: string | null;
  theme: string;
  autoplay: boolean;
  notifyByEmail: boolean;
  notifyInApp: boolean;
  notifyFriendActivity: boolean;
}

/** Saves the signed-in user's language, keeping their other settings as they are. */
export async function saveLanguage(api: (path: string, init?: RequestInit) => Promise<Response>, language: string) {
  const response = await api('/api/users/me');
  if (!response.ok) throw await toApiError(response);
  const { settings } = (await response.json()) as { settings: Settings };
  const saved = await api('/api/users/me/settings', { method: 'PUT', body: JSON.stringify({ ...settings, language }) });
  if (!saved.ok) throw await toApiError(saved);
}

/** The signed-in user's profile and settings from the users service. */
export function useMe() {
  const { api } = useSession();
  const [me, setMe] = useState<{ profile: Profile; settings: Settings } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const response = await api('/api/users/me');
      if (!response.ok) throw await toApiError(response);
      setMe(await response.json());
    } catch (e) {
      setError(e);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  return { me, setMe, error, reload: load };
}
