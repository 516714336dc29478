import { AddToCart } from '../commerce/AddToCart';
import { EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, toApiError } from '../account/api';
import { useSession } from '../account/session';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import type { MyFilm } from '../ugc/api';
import { FilmActions } from '../ugc/FilmActions';
import { FilmReviews } from '../ugc/FilmReviews';
import { WhoLiked } from '../ugc/WhoLiked';
import {
  genreNameOf,
  loadGenres,
  offerLabelOf,
  otherTitlesOf,
  titleOf,
  useContentLanguage,
  type Film,
  type Genre,
} from './api';

/** How often a playing video reports its position (and on every pause). */
const PROGRESS_EVERY_MS = 5_000;

/** One film: the player, what it is, who made it and how to get it. */
export function FilmPage() {
  const { filmId } = useParams();
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const lang = useContentLanguage();
  const video = useRef<HTMLVideoElement>(null);
  const lastSaved = useRef(0);
  const [resumeAt, setResumeAt] = useState<number | null>(null);
  const [film, setFilm] = useState<Film | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [genres, setGenres] = useState<Genre[]>([]);
  const [videoReady, setVideoReady] = useState(false);
  const [mine, setMine] = useState<MyFilm | null>(null);

  useEffect(() => {
    loadGenres().then(setGenres, () => setGenres([]));
  }, []);

  useEffect(() => {
    let live = true;
    setFilm(null);
    setError(null);
    setVideoReady(false);
    setResumeAt(null);
    // Through the session: staff see unpublished films too.
    api(`/api/catalog/films/${filmId}`)
      .then(async (response) => {
        if (!response.ok) throw await toApiError(response);
        return (await response.json()) as Film;
      })
      .then((f) => live && setFilm(f))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, filmId]);

  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <EmptyState
        title={missing ? t('film.missing') : t('film.failed')}
        action={<Link className="kb-button kb-button--ghost" to="/films">{t('home.browse')}</Link>}
      >
        {missing ? t('film.missingText') : errorText(error)}
      </EmptyState>
    );
  }
  if (!film) return <Spinner label={t('film.loading')} />;

  function resumeFrom(mine: MyFilm) {
    const p = mine.progress;
    if (p && p.positionSeconds > 0 && p.positionSeconds < p.durationSeconds * 0.95) setResumeAt(p.positionSeconds);
  }

  function saveProgress(force: boolean) {
    const v = video.current;
    if (state.status !== 'signed-in' || !v || !Number.isFinite(v.duration) || v.duration < 1) return;
    const now = Date.now();
    if (!force && now - lastSaved.current < PROGRESS_EVERY_MS) return;
    lastSaved.current = now;
    const durationSeconds = Math.ceil(v.duration);
    const positionSeconds = Math.min(Math.floor(v.currentTime), durationSeconds);
    void api(`/api/ugc/films/${filmId}/progress`, {
      method: 'PUT',
      body: JSON.stringify({ positionSeconds, durationSeconds }),
    }).catch(() => undefined); // a lost position report is retried by the next one
  }

  const { card } = film;
  const genreName = (code: string) => {
    const genre = genres.find((g) => g.code === code);
    return genre ? genreNameOf(genre, lang) : code;
  };
  const title = titleOf(card, lang);
  return (
    <article className="film-page" aria-labelledby="film-title">
      <div className="film-page__player">
        <video
          ref={video}
          data-testid="film-video"
          aria-label={t('film.player', { title })}
          controls
          preload="metadata"
          poster={card.posterUrl}
          src={card.videoUrl}
          onLoadedMetadata={() => setVideoReady(true)}
          onTimeUpdate={() => saveProgress(false)}
          onPause={() => saveProgress(true)}
        >
          {t('film.noVideo')}
        </video>
        {!videoReady && <p className="muted" role="status">{t('film.preparing')}</p>}
        {resumeAt !== null && videoReady && (
          <p className="resume">
            {t('film.stoppedAt', { time: `${Math.floor(resumeAt / 60)}:${String(resumeAt % 60).padStart(2, '0')}` })}{' '}
            <button
              type="button"
              className="kb-button kb-button--ghost"
              onClick={() => {
                if (video.current) {
                  video.current.currentTime = resumeAt;
                  void video.current.play();
                }
                setResumeAt(null);
              }}
            >
              {t('film.resume')}
            </button>
          </p>
        )}
      </div>
      <div className="film-page__body">
        <img className="film-page__poster" src={card.posterUrl} alt={t('film.poster', { title })} width={200} height={300} />
        <div>
          <h1 id="film-title" className="page-title">{title}</h1>
          <p className="film-page__alt">{otherTitlesOf(card, lang).join(' · ')}</p>
          <p className="film-page__meta">
            {card.year} · {format.duration(card.durationMinutes)} · {card.countries.join(', ')} · {card.ageRating}+
            {card.ratingCount > 0 && (
              <> · {t('film.rating', { rating: card.averageRating.toFixed(1), count: card.ratingCount })}</>
            )}
          </p>
          <ul className="chips" aria-label={t('film.genres')}>
            {card.genres.map((code) => (
              <li key={code}>
                <Link className="chip" to={`/films?genre=${code}`}>{genreName(code)}</Link>
              </li>
            ))}
          </ul>
          <FilmActions
            filmId={card.id}
            onLoaded={(m) => {
              setMine(m);
              resumeFrom(m);
            }}
          />
          {film.synopsis && <p className="film-page__synopsis">{film.synopsis}</p>}
          <dl className="film-page__people">
            {film.directors.length > 0 && (
              <>
                <dt>{t('film.directors')}</dt>
                <dd>{film.directors.join(', ')}</dd>
              </>
            )}
            {film.cast.length > 0 && (
              <>
                <dt>{t('film.cast')}</dt>
                <dd>{film.cast.join(', ')}</dd>
              </>
            )}
            {film.studio && (
              <>
                <dt>{t('film.studio')}</dt>
                <dd>{film.studio}</dd>
              </>
            )}
          </dl>
          {!film.published && <p className="form-error">{t('film.unpublished')}</p>}
          <section aria-labelledby="offers-title">
            <h2 id="offers-title" className="film-page__h2">{t('film.howToWatch')}</h2>
            {film.offers.length === 0 ? (
              <p className="muted">{t('film.noOffers')}</p>
            ) : (
              <ul className="offers">
                {film.offers.map((offer) => (
                  <li key={offer.sku} className="offer">
                    <span className="offer__label">{offerLabelOf(offer, lang)}</span>
                    <span className="offer__price">
                      {offer.price.minorUnits === 0 ? t('offer.included') : format.money(offer.price.minorUnits, offer.price.currency)}
                    </span>
                    {film.published && <AddToCart sku={offer.sku} label={`${title} — ${offerLabelOf(offer, lang)}`} />}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <WhoLiked filmId={card.id} />
          <FilmReviews filmId={card.id} mine={mine} />
        </div>
      </div>
    </article>
  );
}
