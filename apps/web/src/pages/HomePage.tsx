import { Link } from 'react-router-dom';
import { FilmRow } from '../catalog/FilmRow';
import { useT, type MessageId } from '../i18n';
import { ContinueWatchingRow } from '../ugc/ContinueWatchingRow';

const GENRE_ROWS: { code: string; title: MessageId }[] = [
  { code: 'sci-fi', title: 'home.row.scifi' },
  { code: 'comedy', title: 'home.row.comedy' },
  { code: 'horror', title: 'home.row.horror' },
  { code: 'silent', title: 'home.row.silent' },
];

export function HomePage() {
  const t = useT();
  return (
    <>
      <section className="hero hero--compact" aria-labelledby="hero-title">
        <p className="hero-kicker">{t('home.kicker')}</p>
        <h1 id="hero-title" className="hero-title">{t('home.title')}</h1>
        <p className="hero-text">{t('home.text')}</p>
        <div className="hero-actions">
          <Link className="kb-button kb-button--primary" to="/films">{t('home.browse')}</Link>
          <Link className="kb-button kb-button--ghost" to="/search">{t('nav.search')}</Link>
        </div>
      </section>
      <ContinueWatchingRow />
      <FilmRow id="new" title={t('home.row.new')} query={{ sort: 'newest' }} more="/films?sort=newest" />
      <FilmRow id="popular" title={t('home.row.popular')} query={{ sort: 'popular' }} more="/films?sort=popular" />
      {GENRE_ROWS.map((row) => (
        <FilmRow key={row.code} id={row.code} title={t(row.title)} query={{ genre: [row.code], sort: 'newest' }} more={`/films?genre=${row.code}`} />
      ))}
    </>
  );
}
