import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { messageOf } from '../account/api';
import { useSession } from '../account/session';
import { cancelOrder, loadOrders, payOrder, type Order } from './api';

/** How often the page asks again while some order can still change on its own (payment window). */
const LIVE_REFRESH_MS = 5_000;

/** The user's orders, newest first, with live status: pay or cancel those awaiting payment. */
export function OrdersPage() {
  const { api, state } = useSession();
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
      setError(messageOf(e));
    }
  }, [api, userId]);

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
      setError(messageOf(e));
    } finally {
      await reload();
      setBusy(null);
    }
  }

  return (
    <>
      <h1 className="page-title">Orders</h1>
      {placed && <p className="form-success" role="status">Order {placed} is placed. Pay within 10 minutes to keep it.</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {orders === null && !error && <Spinner label="Loading your orders…" />}
      {orders?.length === 0 && (
        <EmptyState title="No orders yet" action={<Link className="kb-button kb-button--primary" to="/films">Find films</Link>}>
          Orders you place from your cart show up here.
        </EmptyState>
      )}
      {orders && orders.length > 0 && (
        <ul className="orders" aria-label="Your orders">
          {orders.map((order) => (
            <li key={order.orderId} className="order" data-testid="order">
              <span className="order__id">Order {order.orderId}</span>
              <span className={`order__status order__status--${order.status.replace(' ', '-')}`} data-testid="order-status">
                {order.status}
              </span>
              <span className="muted">
                {order.items.reduce((n, i) => n + i.count, 0)} item(s) · {new Date(order.createdAt).toLocaleString()}
                {order.payBefore && ` · pay before ${new Date(order.payBefore).toLocaleTimeString()}`}
              </span>
              {order.status === 'awaiting payment' && (
                <span className="order__actions">
                  <Button disabled={busy === order.orderId} onClick={() => void act(order.orderId, () => payOrder(api, order.orderId))}>
                    Pay
                  </Button>
                  <Button variant="ghost" disabled={busy === order.orderId} onClick={() => void act(order.orderId, () => cancelOrder(api, order.orderId))}>
                    Cancel
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
