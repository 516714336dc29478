import { Button, EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { getJson } from '../catalog/api';
import { REVIEW_MAX, REVIEW_MIN, type MyFilm, type Review, type ReviewPage } from './api';

const STATUS_TEXT: Record<Review['status'], MessageId> = {
  pending: 'review.status.pending',
  published: 'review.status.published',
  rejected: 'review.status.rejected',
};

/**
 * A film's published reviews (anyone can read them), and for a signed-in viewer their own review:
 * write, edit (which sends it back to support) or withdraw it.
 */
export function FilmReviews({ filmId, mine }: { filmId: string; mine: MyFilm | null }) {
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string) => {
      try {
        const page = await getJson<ReviewPage>(
          `/api/ugc/public/films/${filmId}/reviews?limit=10&cursor=${encodeURIComponent(cursor)}`,
        );
        setReviews((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [filmId, errorText],
  );

  useEffect(() => {
    setReviews(null);
    void load('');
  }, [load]);

  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title" className="film-page__h2">{t('reviews.title')}</h2>
      <MyReview filmId={filmId} mine={mine} />
      {error && <p className="form-error" role="alert">{error}</p>}
      {reviews === null && !error && <Spinner label={t('reviews.loading')} />}
      {reviews?.length === 0 && <EmptyState title={t('reviews.empty')} />}
      {reviews && reviews.length > 0 && (
        <ul className="reviews" aria-label={t('reviews.title')}>
          {reviews.map((r) => (
            <li key={r.id} className="review">
              <p className="review__author">
                {r.authorName || t('common.aViewer')} · <time dateTime={r.writtenAt}>{format.date(r.writtenAt)}</time>
              </p>
              <p className="review__body">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <Button variant="ghost" onClick={() => void load(next)}>
          {t('reviews.more')}
        </Button>
      )}
    </section>
  );
}

/** The viewer's own review; its state comes with the viewer's film state the page loaded once. */
function MyReview({ filmId, mine }: { filmId: string; mine: MyFilm | null }) {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [review, setReview] = useState<Review | null | undefined>(undefined);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!mine) return;
    setReview(mine.review);
    setText(mine.review?.body ?? '');
  }, [mine]);

  if (state.status === 'anonymous') {
    return (
      <p className="muted">
        <FormattedMessage id="reviews.signIn" values={{ link: (text) => <Link to="/login">{text}</Link> }} />
      </p>
    );
  }
  if (review === undefined) return null;

  const length = [...text.trim()].length;
  const problem =
    length < REVIEW_MIN
      ? t('reviews.atLeast', { count: REVIEW_MIN })
      : length > REVIEW_MAX
        ? t('reviews.atMost', { count: REVIEW_MAX })
        : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (problem) return;
    setBusy(true);
    setError(null);
    try {
      const response = await api(`/api/ugc/films/${filmId}/review`, {
        method: 'PUT',
        body: JSON.stringify({ body: text }),
      });
      if (!response.ok) throw await toApiError(response);
      setReview((await response.json()) as Review);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      const response = await api(`/api/ugc/films/${filmId}/review`, { method: 'DELETE' });
      if (!response.ok && response.status !== 404) throw await toApiError(response);
      setReview(null);
      setText('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="my-review" onSubmit={(e) => void save(e)}>
      <div className="field">
        <label htmlFor="my-review-text">{t('reviews.yours')}</label>
        <textarea
          id="my-review-text"
          rows={4}
          maxLength={REVIEW_MAX + 100}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="my-review-hint"
        />
        <p id="my-review-hint" className="field-hint">
          {review
            ? `${t(STATUS_TEXT[review.status])}${review.moderationNote ? ` ${t('reviews.supportNote', { note: review.moderationNote })}` : ''}`
            : t('reviews.moderated')}{' '}
          {length > 0 && problem}
        </p>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="my-review__actions">
        <Button type="submit" disabled={busy || problem !== null || text.trim() === review?.body}>
          {review ? t('reviews.update') : t('reviews.post')}
        </Button>
        {review && (
          <Button variant="ghost" disabled={busy} onClick={() => void withdraw()}>
            {t('reviews.withdraw')}
          </Button>
        )}
      </div>
    </form>
  );
}
