import { Link } from 'react-router-dom';
import { titleOf, useContentLanguage, type FilmCard } from './api';

/** A poster tile linking to the film page. */
export function FilmTile({ film }: { film: FilmCard }) {
  const lang = useContentLanguage();
  return (
    <li className="film-tile">
      <Link to={`/films/${film.id}`} className="film-tile__link" data-testid="film-tile">
        <img className="film-tile__poster" src={film.posterUrl} alt="" loading="lazy" width={150} height={225} />
        <span className="film-tile__title">{titleOf(film, lang)}</span>
        <span className="film-tile__meta">
          {film.year}
          {film.ratingCount > 0 && <> · ★ {film.averageRating.toFixed(1)}</>}
        </span>
      </Link>
    </li>
  );
}

/** Grey tiles in the shape of the ones to come, while a list loads. */
export function TileSkeletons({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="film-tile film-tile--skeleton" aria-hidden="true">
          <span className="film-tile__poster" />
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-line--short" />
        </li>
      ))}
    </>
  );
}
