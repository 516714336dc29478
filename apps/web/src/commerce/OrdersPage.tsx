import { Button, EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT, type MessageId } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { cancelOrder, loadOrders, payOrder, type Order, type OrderStatus } from './api';

/** Each order status as the reader reads it. */
export const STATUS: Record<OrderStatus, MessageId> = {
  new: 'orders.status.new',
  'awaiting payment': 'orders.status.awaiting',
  failed: 'orders.status.failed',
  paid: 'orders.status.paid',
  cancelled: 'orders.status.cancelled',
};

/** How often the page asks again while some order can still change on its own (payment window). */
const LIVE_REFRESH_MS = 5_000;

/** The user's orders, newest first, with live status: pay or cancel those awaiting payment. */
export function OrdersPage() {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const userId = state.status === 'signed-in' ? state.user.id : '';
  const [params] = useSearchParams();
  const placed = params.get('placed');
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setOrders(await loadOrders(api, userId));
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, userId, errorText]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const live = orders?.some((o) => o.status === 'new' || o.status === 'awaiting payment') ?? false;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => void reload(), LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [live, reload]);

  async function act(orderId: string, work: () => Promise<void>) {
    setBusy(orderId);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      await reload();
      setBusy(null);
    }
  }

  return (
    <>
      <h1 className="page-title">{t('nav.orders')}</h1>
      {placed && <p className="form-success" role="status">{t('orders.placed', { id: placed })}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {orders === null && !error && <Spinner label={t('orders.loading')} />}
      {orders?.length === 0 && (
        <EmptyState
          title={t('orders.empty')}
          action={<Link className="kb-button kb-button--primary" to="/films">{t('common.findFilms')}</Link>}
        >
          {t('orders.emptyText')}
        </EmptyState>
      )}
      {orders && orders.length > 0 && (
        <ul className="orders" aria-label={t('orders.list')}>
          {orders.map((order) => (
            <li key={order.orderId} className="order" data-testid="order">
              <span className="order__id">{t('orders.order', { id: order.orderId })}</span>
              <span className={`order__status order__status--${order.status.replace(' ', '-')}`} data-testid="order-status">
                {t(STATUS[order.status])}
              </span>
              <span className="muted">
                {t('orders.items', { count: order.items.reduce((n, i) => n + i.count, 0) })} · {format.dateTime(order.createdAt)}
                {order.payBefore && ` · ${t('orders.payBefore', { time: new Date(order.payBefore) })}`}
              </span>
              {order.status === 'awaiting payment' && (
                <span className="order__actions">
                  <Button disabled={busy === order.orderId} onClick={() => void act(order.orderId, () => payOrder(api, order.orderId))}>
                    {t('orders.pay')}
                  </Button>
                  <Button variant="ghost" disabled={busy === order.orderId} onClick={() => void act(order.orderId, () => cancelOrder(api, order.orderId))}>
                    {t('orders.cancel')}
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
