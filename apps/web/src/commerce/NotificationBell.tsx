import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Icon } from '@kinobezdna/design';
import { messageOf } from '../account/api';
import { useSession } from '../account/session';
import { loadNotifications, markRead, unreadCount, type Notification } from './api';

const POLL_MS = 15_000;

/** The header's bell: how many notifications are unread; opening it lists them and marks them read. */
export function NotificationBell() {
  const { api } = useSession();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    try {
      setUnread(await unreadCount(api));
    } catch {
      // the bell stays as it was; the next round tries again
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  async function toggle() {
    const opening = !open;
    setOpen(opening);
    if (!opening) return;
    setError(null);
    try {
      const page = await loadNotifications(api);
      setItems(page.items);
      if (page.items.length > 0 && page.unread > 0) {
        await markRead(api, page.items[0].id);
        setUnread(0);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="bell" ref={panel}>
      <button
        type="button"
        className="kb-button kb-button--ghost bell__button"
        aria-expanded={open}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => void toggle()}
      >
        <Icon name="bell" />
        {unread > 0 && <span className="bell__count" data-testid="bell-count">{unread}</span>}
      </button>
      {open && (
        <div className="bell__panel" role="region" aria-label="Notifications">
          {error && <p className="form-error" role="alert">{error}</p>}
          {items === null && !error && <p className="muted">Loading…</p>}
          {items?.length === 0 && <p className="muted">Nothing yet: news about your orders shows up here.</p>}
          {items && items.length > 0 && (
            <ul className="bell__list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? '' : 'bell__item--unread'}>
                  <Link to="/orders" onClick={() => setOpen(false)}>{n.text}</Link>
                  <span className="muted"> · {new Date(n.moment).toLocaleTimeString()}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
