import { Button, EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { toApiError } from '../account/api';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import type { Review, ReviewPage } from '../ugc/api';

/** Support's queue of reviews waiting for a decision, oldest first. */
export function ReviewModerationPage() {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [queue, setQueue] = useState<Review[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const moderator =
    state.status === 'signed-in' && state.user.roles.some((r) => r === 'SUPPORT' || r === 'ADMIN');

  const load = useCallback(
    async (cursor: string) => {
      try {
        const response = await api(`/api/ugc/moderation/reviews?limit=20&cursor=${encodeURIComponent(cursor)}`);
        if (!response.ok) throw await toApiError(response);
        const page = (await response.json()) as ReviewPage;
        setQueue((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [api, errorText],
  );

  useEffect(() => {
    if (moderator) void load('');
  }, [load, moderator]);

  if (!moderator) {
    return (
      <>
        <h1 className="page-title">{t('moderation.title')}</h1>
        <p className="form-error" role="alert">{t('moderation.staffOnly')}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="page-title">{t('moderation.title')}</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {queue === null && !error && <Spinner label={t('moderation.loading')} />}
      {queue?.length === 0 && <EmptyState title={t('moderation.empty')} />}
      {queue && queue.length > 0 && (
        <ul className="reviews" aria-label={t('moderation.queue')}>
          {queue.map((r) => (
            <PendingReview key={r.id} review={r} onDecided={() => setQueue((q) => q?.filter((x) => x.id !== r.id) ?? null)} />
          ))}
        </ul>
      )}
      {next && (
        <Button variant="ghost" onClick={() => void load(next)}>
          {t('common.showMore')}
        </Button>
      )}
    </>
  );
}

function PendingReview({ review, onDecided }: { review: Review; onDecided: () => void }) {
  const { api } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: 'publish' | 'reject') {
    setBusy(true);
    setError(null);
    try {
      const response = await api(`/api/ugc/moderation/reviews/${review.id}`, {
        method: 'PUT',
        body: JSON.stringify({ decision, note: decision === 'reject' ? note : null, writtenAt: review.writtenAt }),
      });
      if (!response.ok) throw await toApiError(response);
      onDecided();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  }

  const noteId = `note-${review.id}`;
  return (
    <li className="review">
      <p className="review__author">
        <FormattedMessage
          id="moderation.about"
          values={{
            author: review.authorName || t('common.aViewer'),
            link: (text) => <Link to={`/films/${review.filmId}`}>{text}</Link>,
          }}
        />{' '}
        · <time dateTime={review.writtenAt}>{format.dateTime(review.writtenAt)}</time>
      </p>
      <p className="review__body">{review.body}</p>
      <div className="field">
        <label htmlFor={noteId}>{t('moderation.note')}</label>
        <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="my-review__actions">
        <Button disabled={busy} onClick={() => void decide('publish')}>
          {t('moderation.publish')}
        </Button>
        <Button variant="ghost" disabled={busy || note.trim() === ''} onClick={() => void decide('reject')}>
          {t('moderation.reject')}
        </Button>
      </div>
    </li>
  );
}
