import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf } from '../account/api';
import { filmsPath, getJson, type FilmPage, type FilmQuery } from './api';
import { FilmTile, TileSkeletons } from './FilmTile';

/** A titled, horizontally scrolling row of films for the home page. */
export function FilmRow({ title, query, more }: { title: string; query: FilmQuery; more: string }) {
  const [page, setPage] = useState<FilmPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = filmsPath({ ...query, limit: 12 });

  useEffect(() => {
    const abort = new AbortController();
    getJson<FilmPage>(path, abort.signal)
      .then(setPage)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(messageOf(e));
      });
    return () => abort.abort();
  }, [path]);

  const id = `row-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="film-row" aria-labelledby={id}>
      <div className="film-row__head">
        <h2 id={id}>{title}</h2>
        <Link to={more}>See all</Link>
      </div>
      {error ? (
        <p className="form-error" role="alert">{error}</p>
      ) : page && page.items.length === 0 ? (
        <p className="muted">Nothing here yet.</p>
      ) : (
        <ul className="film-row__list" aria-busy={page === null}>
          {page ? page.items.map((film) => <FilmTile key={film.id} film={film} />) : <TileSkeletons count={6} />}
        </ul>
      )}
    </section>
  );
}
