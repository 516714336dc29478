import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import type { MyFilm } from './api';

/**
 * Like, rate and "want to watch" for a film. Signed-out visitors are offered to sign in instead.
 * Each button shows its state (aria-pressed) and the answer from ugc replaces the local state, so
 * what is shown is what was stored.
 */
export function FilmActions({ filmId, onLoaded }: { filmId: string; onLoaded?: (mine: MyFilm) => void }) {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [mine, setMine] = useState<MyFilm | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signedIn = state.status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    api(`/api/ugc/films/${filmId}/mine`)
      .then(async (response) => {
        if (!response.ok) throw await toApiError(response);
        return (await response.json()) as MyFilm;
      })
      .then((m) => {
        if (!live) return;
        setMine(m);
        onLoaded?.(m);
      })
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filmId, signedIn]);

  if (state.status === 'anonymous') {
    return (
      <p className="muted">
        <FormattedMessage id="actions.signIn" values={{ link: (text) => <Link to="/login">{text}</Link> }} />
      </p>
    );
  }
  if (!mine) return error ? <p className="form-error" role="alert">{error}</p> : null;

  async function send(method: string, path: string, body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      const response = await api(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw await toApiError(response);
      setMine((await response.json()) as MyFilm);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="film-actions">
      <button
        type="button"
        className={`chip${mine.liked ? ' chip--on' : ''}`}
        aria-pressed={mine.liked}
        disabled={busy}
        onClick={() => void send(mine.liked ? 'DELETE' : 'PUT', `/api/ugc/films/${filmId}/like`)}
      >
        {mine.liked ? t('actions.liked') : t('actions.like')} <span className="chip__count">{mine.likeCount}</span>
      </button>
      <button
        type="button"
        className={`chip${mine.wanted ? ' chip--on' : ''}`}
        aria-pressed={mine.wanted}
        disabled={busy}
        onClick={() => void send(mine.wanted ? 'DELETE' : 'PUT', `/api/ugc/me/wishlist/${filmId}`)}
      >
        {mine.wanted ? t('actions.wanted') : t('actions.want')}
      </button>
      <label className="film-actions__rating">
        {t('actions.rating')}
        <select
          value={mine.score ?? ''}
          disabled={busy}
          onChange={(e) =>
            void (e.target.value
              ? send('PUT', `/api/ugc/films/${filmId}/rating`, { score: Number(e.target.value) })
              : send('DELETE', `/api/ugc/films/${filmId}/rating`))
          }
        >
          <option value="">{t('actions.notRated')}</option>
          {[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>{n}</option>
          ))}
        </select>
      </label>
      {mine.ratingCount > 0 && (
        <span className="muted">{t('actions.average', { rating: mine.averageRating.toFixed(1), count: mine.ratingCount })}</span>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
