import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { messageOf, toApiError } from '../account/api';
import { useSession } from '../account/session';
import { getJson } from '../catalog/api';
import { REVIEW_MAX, REVIEW_MIN, type MyFilm, type Review, type ReviewPage } from './api';

const STATUS_TEXT: Record<Review['status'], string> = {
  pending: 'Awaiting moderation: only you can see it for now.',
  published: 'Published.',
  rejected: 'Not published.',
};

/**
 * A film's published reviews (anyone can read them), and for a signed-in viewer their own review:
 * write, edit (which sends it back to support) or withdraw it.
 */
export function FilmReviews({ filmId, mine }: { filmId: string; mine: MyFilm | null }) {
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
        setError(messageOf(e));
      }
    },
    [filmId],
  );

  useEffect(() => {
    setReviews(null);
    void load('');
  }, [load]);

  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title" className="film-page__h2">Reviews</h2>
      <MyReview filmId={filmId} mine={mine} />
      {error && <p className="form-error" role="alert">{error}</p>}
      {reviews === null && !error && <Spinner label="Loading reviews…" />}
      {reviews?.length === 0 && <EmptyState title="No reviews yet" />}
      {reviews && reviews.length > 0 && (
        <ul className="reviews" aria-label="Reviews">
          {reviews.map((r) => (
            <li key={r.id} className="review">
              <p className="review__author">
                {r.authorName || 'A viewer'} · <time dateTime={r.writtenAt}>{new Date(r.writtenAt).toLocaleDateString()}</time>
              </p>
              <p className="review__body">{r.body}</p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <Button variant="ghost" onClick={() => void load(next)}>
          More reviews
        </Button>
      )}
    </section>
  );
}

/** The viewer's own review; its state comes with the viewer's film state the page loaded once. */
function MyReview({ filmId, mine }: { filmId: string; mine: MyFilm | null }) {
  const { api, state } = useSession();
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
        <Link to="/login">Sign in</Link> to write a review.
      </p>
    );
  }
  if (review === undefined) return null;

  const length = [...text.trim()].length;
  const problem =
    length < REVIEW_MIN ? `At least ${REVIEW_MIN} characters.` : length > REVIEW_MAX ? `At most ${REVIEW_MAX} characters.` : null;

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
      setError(messageOf(e));
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
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="my-review" onSubmit={(e) => void save(e)}>
      <div className="field">
        <label htmlFor="my-review-text">Your review</label>
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
            ? `${STATUS_TEXT[review.status]}${review.moderationNote ? ` Support: ${review.moderationNote}` : ''}`
            : 'Support reads every review before it is shown.'}{' '}
          {length > 0 && problem}
        </p>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="my-review__actions">
        <Button type="submit" disabled={busy || problem !== null || text.trim() === review?.body}>
          {review ? 'Update review' : 'Post review'}
        </Button>
        {review && (
          <Button variant="ghost" disabled={busy} onClick={() => void withdraw()}>
            Withdraw
          </Button>
        )}
      </div>
    </form>
  );
}
