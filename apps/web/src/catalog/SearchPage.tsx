import { Button, EmptyState } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';
import {
  filmsPath,
  genreNameOf,
  getJson,
  loadGenres,
  useContentLanguage,
  type FilmCard,
  type FilmPage,
  type FilmQuery,
  type Genre,
} from './api';
import { FilmTile, TileSkeletons } from './FilmTile';

const SORTS: { code: string; label: MessageId }[] = [
  { code: 'relevance', label: 'search.sort.relevance' },
  { code: 'popular', label: 'search.sort.popular' },
  { code: 'rating', label: 'search.sort.rating' },
  { code: 'newest', label: 'search.sort.newest' },
  { code: 'title', label: 'search.sort.title' },
];

const PAGE = 24;

/**
 * Browse and search: the text box, genre chips with counts, filters and sort all live in the URL,
 * so a search can be shared and the back button works; more results load a page at a time.
 */
export function SearchPage({ title }: { title: string }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useContentLanguage();
  const [params, setParams] = useSearchParams();
  const query: FilmQuery = {
    q: params.get('q') ?? '',
    genre: params.getAll('genre'),
    yearFrom: params.get('yearFrom') ?? '',
    yearTo: params.get('yearTo') ?? '',
    maxAgeRating: params.get('maxAgeRating') ?? '',
    sort: params.get('sort') ?? '',
  };
  const key = filmsPath(query, lang);
  const [text, setText] = useState(query.q ?? '');
  const [genres, setGenres] = useState<Genre[]>([]);
  const [films, setFilms] = useState<FilmCard[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [next, setNext] = useState('');
  const [corrected, setCorrected] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadGenres().then(setGenres, () => setGenres([]));
  }, []);

  useEffect(() => {
    setText(params.get('q') ?? '');
  }, [params]);

  useEffect(() => {
    const abort = new AbortController();
    setFilms(null);
    setError(null);
    setCorrected('');
    getJson<FilmPage>(filmsPath({ ...query, limit: PAGE }, lang), abort.signal)
      .then((page) => {
        setFilms(page.items);
        setCounts(page.genreCounts);
        setNext(page.nextCursor);
        setCorrected(page.correctedQuery);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(e));
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await getJson<{ items: FilmCard[]; nextCursor: string }>(
        filmsPath({ ...query, limit: PAGE, cursor: next }, lang),
      );
      setFilms((current) => [...(current ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoadingMore(false);
    }
  }

  function update(change: (p: URLSearchParams) => void) {
    const copy = new URLSearchParams(params);
    change(copy);
    setParams(copy, { replace: false });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    update((p) => (text.trim() ? p.set('q', text.trim()) : p.delete('q')));
  }

  function toggleGenre(code: string) {
    const chosen = params.getAll('genre');
    update((p) => {
      p.delete('genre');
      const nextGenres = chosen.includes(code) ? chosen.filter((g) => g !== code) : [...chosen, code];
      nextGenres.forEach((g) => p.append('genre', g));
    });
  }

  function setFilter(name: string, value: string) {
    update((p) => (value ? p.set(name, value) : p.delete(name)));
  }

  const chosenGenres = params.getAll('genre');
  return (
    <>
      <h1 className="page-title">{title}</h1>
      <form className="search-row" role="search" onSubmit={submit}>
        <label htmlFor="film-search" className="visually-hidden">{t('search.label')}</label>
        <input
          id="film-search"
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <Button type="submit">{t('nav.search')}</Button>
      </form>

      <div className="chips" role="group" aria-label={t('film.genres')}>
        {genres.map((genre) => {
          const on = chosenGenres.includes(genre.code);
          const count = counts[genre.code] ?? 0;
          return (
            <button
              key={genre.code}
              type="button"
              className={`chip${on ? ' chip--on' : ''}`}
              aria-pressed={on}
              onClick={() => toggleGenre(genre.code)}
              disabled={!on && count === 0 && films !== null}
            >
              {genreNameOf(genre, lang)} <span className="chip__count">{count}</span>
            </button>
          );
        })}
      </div>

      <div className="filters">
        <label>
          {t('search.sort')}
          <select value={query.sort || 'relevance'} onChange={(e) => setFilter('sort', e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.code} value={s.code}>{t(s.label)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('search.yearFrom')}
          <input type="number" inputMode="numeric" min={1888} max={2031} value={query.yearFrom}
            onChange={(e) => setFilter('yearFrom', e.target.value)} />
        </label>
        <label>
          {t('search.yearTo')}
          <input type="number" inputMode="numeric" min={1888} max={2031} value={query.yearTo}
            onChange={(e) => setFilter('yearTo', e.target.value)} />
        </label>
        <label>
          {t('search.age')}
          <select value={query.maxAgeRating} onChange={(e) => setFilter('maxAgeRating', e.target.value)}>
            <option value="">{t('search.age.any')}</option>
            {[0, 6, 12, 16].map((age) => (
              <option key={age} value={age}>{t('search.age.upTo', { age })}</option>
            ))}
          </select>
        </label>
      </div>

      {error && <p className="form-error" role="alert">{error}</p>}
      {corrected && films && films.length > 0 && (
        <p className="search-note" role="status">
          <FormattedMessage
            id="search.corrected"
            values={{ typed: query.q, corrected: <strong>{t('search.quoted', { text: corrected })}</strong> }}
          />
        </p>
      )}
      {films && films.length === 0 ? (
        <EmptyState title={t('search.none')}>
          {query.q ? t('search.none.textFor', { text: query.q }) : t('search.none.text')}
        </EmptyState>
      ) : (
        <ul className="film-grid" aria-busy={films === null} aria-label={t('nav.films')}>
          {films ? films.map((film) => <FilmTile key={film.id} film={film} />) : <TileSkeletons count={12} />}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('common.showMore')}
          </Button>
        </div>
      )}
    </>
  );
}
