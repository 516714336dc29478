import { Button } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';

interface Liker {
  userId: string;
  displayName: string;
  friend: boolean;
  likedAt: string;
}

/** Who liked the film, friends first (signed-in viewers only: friends are theirs). */
export function WhoLiked({ filmId }: { filmId: string }) {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [likers, setLikers] = useState<Liker[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const signedIn = state.status === 'signed-in';

  const load = useCallback(
    async (cursor: string) => {
      try {
        const response = await api(`/api/ugc/films/${filmId}/likes?limit=12&cursor=${encodeURIComponent(cursor)}`);
        if (!response.ok) throw await toApiError(response);
        const page = (await response.json()) as { items: Liker[]; nextCursor: string };
        setLikers((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [api, filmId, errorText],
  );

  useEffect(() => {
    if (signedIn) void load('');
  }, [load, signedIn]);

  if (!signedIn || !likers || likers.length === 0) {
    return error ? <p className="form-error" role="alert">{error}</p> : null;
  }
  return (
    <section aria-labelledby="likers-title">
      <h2 id="likers-title" className="film-page__h2">{t('likers.title')}</h2>
      <ul className="likers" aria-label={t('likers.title')}>
        {likers.map((l) => (
          <li key={l.userId} className={l.friend ? 'liker liker--friend' : 'liker'}>
            {l.displayName || t('common.aViewer')}
            {l.friend && <span className="visually-hidden"> {t('likers.friend')}</span>}
          </li>
        ))}
      </ul>
      {next && (
        <Button variant="ghost" onClick={() => void load(next)}>
          {t('common.showMore')}
        </Button>
      )}
    </section>
  );
}
