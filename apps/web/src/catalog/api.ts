import { toApiError } from '../account/api';

/** A film as lists show it (catalog's CardView). */
export interface FilmCard {
  id: string;
  titleRu: string;
  titleEn: string;
  originalTitle: string;
  year: number;
  durationMinutes: number;
  genres: string[];
  countries: string[];
  ageRating: number;
  averageRating: number;
  ratingCount: number;
  likeCount: number;
  posterUrl: string;
  videoUrl: string;
}

export interface Offer {
  sku: number;
  kind: 'RENT_48H' | 'BUY' | 'SUBSCRIPTION' | 'TICKET';
  labelRu: string;
  labelEn: string;
  price: { minorUnits: number; currency: string };
}

export interface Film {
  card: FilmCard;
  synopsis: string;
  directors: string[];
  cast: string[];
  studio: string | null;
  published: boolean;
  offers: Offer[];
}

export interface FilmPage {
  items: FilmCard[];
  nextCursor: string;
  genreCounts: Record<string, number>;
  /** What the films were found for when the typed text matched nothing (a typo); '' otherwise. */
  correctedQuery: string;
}

export interface Genre {
  code: string;
  nameRu: string;
  nameEn: string;
}

/** Search and browse parameters, as the catalog's GET /films takes them. */
export interface FilmQuery {
  q?: string;
  genre?: string[];
  yearFrom?: string;
  yearTo?: string;
  country?: string;
  maxAgeRating?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

export function filmsPath(query: FilmQuery): string {
  const params = new URLSearchParams({ lang: 'en' });
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return `/api/catalog/films?${params}`;
}

/** GET a catalog resource as JSON; browsing needs no sign-in. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export function formatPrice({ minorUnits, currency }: Offer['price']): string {
  if (minorUnits === 0) return 'Included';
  return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(minorUnits / 100);
}

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

let genres: Promise<Genre[]> | null = null;

/** The genre list, fetched once per page load. */
export function loadGenres(): Promise<Genre[]> {
  genres ??= getJson<Genre[]>('/api/catalog/genres').catch((e: unknown) => {
    genres = null;
    throw e;
  });
  return genres;
}
