import { useLocale, type Locale } from '@kinobezdna/design';
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

/** The language of titles, genres and offers: the reader's. */
export function useContentLanguage(): Locale {
  return useLocale().locale;
}

/** A film's title in the reader's language. */
export function titleOf(card: FilmCard, lang: Locale): string {
  return lang === 'ru' ? card.titleRu : card.titleEn;
}

/** The title in the other language, when it differs, and the original title, when it is a third. */
export function otherTitlesOf(card: FilmCard, lang: Locale): string[] {
  const shown = titleOf(card, lang);
  const other = lang === 'ru' ? card.titleEn : card.titleRu;
  return [other, card.originalTitle].filter((title, i, all) => title && title !== shown && all.indexOf(title) === i);
}

export function genreNameOf(genre: Genre, lang: Locale): string {
  return lang === 'ru' ? genre.nameRu : genre.nameEn;
}

export function offerLabelOf(offer: Offer, lang: Locale): string {
  return lang === 'ru' ? offer.labelRu : offer.labelEn;
}

/** GET /films for a query; lang is the language the text is searched in (and stemmed). */
export function filmsPath(query: FilmQuery, lang: Locale): string {
  const params = new URLSearchParams({ lang });
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

let genres: Promise<Genre[]> | null = null;

/** The genre list, fetched once per page load. */
export function loadGenres(): Promise<Genre[]> {
  genres ??= getJson<Genre[]>('/api/catalog/genres').catch((e: unknown) => {
    genres = null;
    throw e;
  });
  return genres;
}
