import { Link } from 'react-router-dom';
import { FilmRow } from '../catalog/FilmRow';
import { ContinueWatchingRow } from '../ugc/ContinueWatchingRow';

const GENRE_ROWS = [
  { code: 'sci-fi', title: 'Science fiction' },
  { code: 'comedy', title: 'Comedy' },
  { code: 'horror', title: 'Horror' },
  { code: 'silent', title: 'Silent classics' },
];

export function HomePage() {
  return (
    <>
      <section className="hero hero--compact" aria-labelledby="hero-title">
        <p className="hero-kicker">Online cinema</p>
        <h1 id="hero-title" className="hero-title">Fall into a film.</h1>
        <p className="hero-text">
          Find films, watch them alone or together with friends, and see what everyone is watching right now.
        </p>
        <div className="hero-actions">
          <Link className="kb-button kb-button--primary" to="/films">Browse films</Link>
          <Link className="kb-button kb-button--ghost" to="/search">Search</Link>
        </div>
      </section>
      <ContinueWatchingRow />
      <FilmRow title="New" query={{ sort: 'newest' }} more="/films?sort=newest" />
      <FilmRow title="Popular" query={{ sort: 'popular' }} more="/films?sort=popular" />
      {GENRE_ROWS.map((row) => (
        <FilmRow key={row.code} title={row.title} query={{ genre: [row.code], sort: 'newest' }} more={`/films?genre=${row.code}`} />
      ))}
    </>
  );
}
