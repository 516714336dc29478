import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { getJson, type FilmCard } from '../catalog/api';
import { FilmTile } from '../catalog/FilmTile';

interface WishPage {
  items: { filmId: string; addedAt: string }[];
  nextCursor: string;
}

/** The viewer's "want to watch" list, latest first, as poster tiles. */
export function WatchlistPage() {
  const { api } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [films, setFilms] = useState<FilmCard[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string) => {
      try {
        const response = await api(`/api/ugc/me/wishlist?limit=24&cursor=${encodeURIComponent(cursor)}`);
        if (!response.ok) throw await toApiError(response);
        const page = (await response.json()) as WishPage;
        const ids = page.items.map((i) => `id=${i.filmId}`).join('&');
        const cards = ids ? await getJson<FilmCard[]>(`/api/catalog/cards?${ids}`) : [];
        setFilms((current) => (cursor && current ? [...current, ...cards] : cards));
        setNext(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [api, errorText],
  );

  useEffect(() => {
    void load('');
  }, [load]);

  return (
    <>
      <h1 className="page-title">{t('nav.watchlist')}</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {films === null && !error && <Spinner label={t('watchlist.loading')} />}
      {films && films.length === 0 && (
        <EmptyState
          title={t('watchlist.empty')}
          action={<Link className="kb-button kb-button--primary" to="/films">{t('common.findFilms')}</Link>}
        >
          {t('watchlist.emptyText')}
        </EmptyState>
      )}
      {films && films.length > 0 && (
        <ul className="film-grid" aria-label={t('watchlist.list')}>
          {films.map((film) => <FilmTile key={film.id} film={film} />)}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void load(next)}>{t('common.showMore')}</Button>
        </div>
      )}
    </>
  );
}
