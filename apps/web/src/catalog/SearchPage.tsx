import { Button, EmptyState } from '@kinobezdna/design';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { messageOf } from '../account/api';
import {
  filmsPath,
  getJson,
  loadGenres,
  type FilmCard,
  type FilmPage,
  type FilmQuery,
  type Genre,
} from './api';
import { FilmTile, TileSkeletons } from './FilmTile';

const SORTS = [
  { code: 'relevance', label: 'Best match' },
  { code: 'popular', label: 'Most liked' },
  { code: 'rating', label: 'Top rated' },
  { code: 'newest', label: 'Newest' },
  { code: 'title', label: 'Title A–Z' },
];

const PAGE = 24;

/**
 * Browse and search: the text box, genre chips with counts, filters and sort all live in the URL,
 * so a search can be shared and the back button works; more results load a page at a time.
 */
export function SearchPage({ title }: { title: string }) {
  const [params, setParams] = useSearchParams();
  const query: FilmQuery = {
    q: params.get('q') ?? '',
    genre: params.getAll('genre'),
    yearFrom: params.get('yearFrom') ?? '',
    yearTo: params.get('yearTo') ?? '',
    maxAgeRating: params.get('maxAgeRating') ?? '',
    sort: params.get('sort') ?? '',
  };
  const key = filmsPath(query);
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
    getJson<FilmPage>(filmsPath({ ...query, limit: PAGE }), abort.signal)
      .then((page) => {
        setFilms(page.items);
        setCounts(page.genreCounts);
        setNext(page.nextCursor);
        setCorrected(page.correctedQuery);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(messageOf(e));
      });
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  async function loadMore() {
    setLoadingMore(true);
    try {
      const page = await getJson<{ items: FilmCard[]; nextCursor: string }>(
        filmsPath({ ...query, limit: PAGE, cursor: next }),
      );
      setFilms((current) => [...(current ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(messageOf(e));
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
        <label htmlFor="film-search" className="visually-hidden">Search films by title</label>
        <input
          id="film-search"
          type="search"
          value={text}
          placeholder="Title in Russian or English — typos are fine"
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
        />
        <Button type="submit">Search</Button>
      </form>

      <div className="chips" role="group" aria-label="Genres">
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
              {genre.nameEn} <span className="chip__count">{count}</span>
            </button>
          );
        })}
      </div>

      <div className="filters">
        <label>
          Sort
          <select value={query.sort || 'relevance'} onChange={(e) => setFilter('sort', e.target.value)}>
            {SORTS.map((s) => (
              <option key={s.code} value={s.code}>{s.label}</option>
            ))}
          </select>
        </label>
        <label>
          From year
          <input type="number" inputMode="numeric" min={1888} max={2031} value={query.yearFrom}
            onChange={(e) => setFilter('yearFrom', e.target.value)} />
        </label>
        <label>
          To year
          <input type="number" inputMode="numeric" min={1888} max={2031} value={query.yearTo}
            onChange={(e) => setFilter('yearTo', e.target.value)} />
        </label>
        <label>
          Age
          <select value={query.maxAgeRating} onChange={(e) => setFilter('maxAgeRating', e.target.value)}>
            <option value="">Any</option>
            {[0, 6, 12, 16].map((age) => (
              <option key={age} value={age}>Up to {age}+</option>
            ))}
          </select>
        </label>
      </div>

      {error && <p className="form-error" role="alert">{error}</p>}
      {corrected && films && films.length > 0 && (
        <p className="search-note" role="status">
          Nothing matches “{query.q}”. Showing results for <strong>“{corrected}”</strong>.
        </p>
      )}
      {films && films.length === 0 ? (
        <EmptyState title="No films found">
          Try fewer filters or another spelling{query.q ? ` than “${query.q}”` : ''}.
        </EmptyState>
      ) : (
        <ul className="film-grid" aria-busy={films === null} aria-label="Films">
          {films ? films.map((film) => <FilmTile key={film.id} film={film} />) : <TileSkeletons count={12} />}
        </ul>
      )}
      {next && (
        <div className="load-more">
          <Button variant="ghost" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show more'}
          </Button>
        </div>
      )}
    </>
  );
}
