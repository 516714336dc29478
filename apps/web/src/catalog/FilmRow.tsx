import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { filmsPath, getJson, useContentLanguage, type FilmPage, type FilmQuery } from './api';
import { FilmTile, TileSkeletons } from './FilmTile';

/** A titled, horizontally scrolling row of films for the home page. */
export function FilmRow({ id, title, query, more }: { id: string; title: string; query: FilmQuery; more: string }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useContentLanguage();
  const [page, setPage] = useState<FilmPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = filmsPath({ ...query, limit: 12 }, lang);

  useEffect(() => {
    const abort = new AbortController();
    getJson<FilmPage>(path, abort.signal)
      .then(setPage)
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(e));
      });
    return () => abort.abort();
  }, [path, errorText]);

  const headingId = `row-${id}`;
  return (
    <section className="film-row" aria-labelledby={headingId}>
      <div className="film-row__head">
        <h2 id={headingId}>{title}</h2>
        <Link to={more} aria-label={t('row.seeAllOf', { title })}>
          {t('row.seeAll')}
        </Link>
      </div>
      {error ? (
        <p className="form-error" role="alert">{error}</p>
      ) : page && page.items.length === 0 ? (
        <p className="muted">{t('row.empty')}</p>
      ) : (
        <ul className="film-row__list" aria-busy={page === null}>
          {page ? page.items.map((film) => <FilmTile key={film.id} film={film} />) : <TileSkeletons count={6} />}
        </ul>
      )}
    </section>
  );
}
