import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../account/session';
import { getJson, titleOf, useContentLanguage, type FilmCard } from '../catalog/api';
import { useT } from '../i18n';
import type { Progress } from './api';

/** Films the signed-in viewer started and has not finished, with how far they got. */
export function ContinueWatchingRow() {
  const { api, state } = useSession();
  const t = useT();
  const lang = useContentLanguage();
  const [items, setItems] = useState<{ film: FilmCard; progress: Progress }[]>([]);
  const signedIn = state.status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    (async () => {
      const response = await api('/api/ugc/me/continue-watching');
      if (!response.ok) return;
      const progress = (await response.json()) as Progress[];
      if (progress.length === 0) return;
      const cards = await getJson<FilmCard[]>(`/api/catalog/cards?${progress.map((p) => `id=${p.filmId}`).join('&')}`);
      const byId = new Map(progress.map((p) => [p.filmId, p]));
      if (live) setItems(cards.map((film) => ({ film, progress: byId.get(film.id)! })));
    })().catch(() => undefined); // the row is a convenience: without it the page still works
    return () => {
      live = false;
    };
  }, [api, signedIn]);

  if (items.length === 0) return null;
  return (
    <section className="film-row" aria-labelledby="row-continue">
      <div className="film-row__head">
        <h2 id="row-continue">{t('continue.title')}</h2>
      </div>
      <ul className="film-row__list">
        {items.map(({ film, progress }) => (
          <li key={film.id} className="film-tile">
            <Link to={`/films/${film.id}`} className="film-tile__link">
              <img className="film-tile__poster" src={film.posterUrl} alt="" loading="lazy" width={150} height={225} />
              <span className="progress-bar" aria-hidden="true">
                <span style={{ width: `${Math.round((100 * progress.positionSeconds) / progress.durationSeconds)}%` }} />
              </span>
              <span className="film-tile__title">{titleOf(film, lang)}</span>
              <span className="film-tile__meta">
                {t('continue.watched', { share: progress.positionSeconds / progress.durationSeconds })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
