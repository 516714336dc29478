import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Icon, useFormat } from '@kinobezdna/design';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { loadNotifications, markRead, unreadCount, type Notification, type OrderStatus } from './api';
import { STATUS } from './OrdersPage';

const POLL_MS = 15_000;

/** The header's bell: how many notifications are unread; opening it lists them and marks them read. */
export function NotificationBell() {
  const { api } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
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
      setError(errorText(e));
    }
  }

  return (
    <div className="bell" ref={panel}>
      <button
        type="button"
        className="kb-button kb-button--ghost bell__button"
        aria-expanded={open}
        aria-label={unread > 0 ? t('bell.unread', { count: unread }) : t('bell.label')}
        onClick={() => void toggle()}
      >
        <Icon name="bell" />
        {unread > 0 && <span className="bell__count" data-testid="bell-count">{unread}</span>}
      </button>
      {open && (
        <div className="bell__panel" role="region" aria-label={t('bell.label')}>
          {error && <p className="form-error" role="alert">{error}</p>}
          {items === null && !error && <p className="muted">{t('common.loading')}</p>}
          {items?.length === 0 && <p className="muted">{t('bell.empty')}</p>}
          {items && items.length > 0 && (
            <ul className="bell__list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? '' : 'bell__item--unread'}>
                  <Link to="/orders" onClick={() => setOpen(false)}>
                    {t('bell.orderStatus', { id: n.orderId, status: t(STATUS[n.status as OrderStatus] ?? 'orders.status.new') })}
                  </Link>
                  <span className="muted"> · {format.relative(n.moment)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
