import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf, toApiError } from '../account/api';
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
        setError(messageOf(e));
      }
    },
    [api],
  );

  useEffect(() => {
    void load('');
  }, [load]);

  return (
    <>
      <h1 className="page-title">Want to watch</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {films === null && !error && <Spinner label="Loading your list…" />}
      {films && films.length === 0 && (
        <EmptyState
          title="Your list is empty"
          action={<Link className="kb-button kb-button--primary" to="/films">Find films</Link>}
        >
          Press “Want to watch” on a film page to keep it here.
        </EmptyState>
      )}
      {films && films.length > 0 && (
        <ul className="film-grid" aria-label="Films you want to watch">
          {films.map((film) => <FilmTile key={film.id} film={film} />)}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void load(next)}>Show more</Button>
        </div>
      )}
    </>
  );
}
