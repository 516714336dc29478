import { toApiError } from '../account/api';

/** A cart line as the cart service lists it (Route256 JSON: snake_case, int64 as strings). */
export interface CartItem {
  sku: string;
  name: string;
  count: number;
  /** One item's price in minor units. */
  price: number;
  currency: string;
  film_id: string;
}

export interface Cart {
  items: CartItem[];
  total_price: number;
  currency: string;
}

/** An order as orders (LOMS) shows it. */
export interface Order {
  orderId: string;
  status: OrderStatus;
  userId: string;
  items: { sku: string; count: number }[];
  createdAt: string;
  payBefore: string;
}

export type OrderStatus = 'new' | 'awaiting payment' | 'failed' | 'paid' | 'cancelled';

export interface Notification {
  id: string;
  orderId: string;
  status: string;
  text: string;
  moment: string;
  read: boolean;
}

export interface NotificationsPage {
  items: Notification[];
  nextBefore: string | null;
  unread: number;
}

export type Api = (path: string, init?: RequestInit) => Promise<Response>;

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

async function ok(response: Response): Promise<void> {
  if (!response.ok) throw await toApiError(response);
}

/** The cart, or null when it is empty (the Route256 cart answers 404 then). */
export async function loadCart(api: Api, userId: string): Promise<Cart | null> {
  const response = await api(`/api/cart/user/${userId}/cart`);
  if (response.status === 404) return null;
  // amounts are int64 minor units, which proto3 JSON writes as strings
  const cart = await json<Cart>(response);
  return {
    ...cart,
    total_price: Number(cart.total_price),
    items: (cart.items ?? []).map((item) => ({ ...item, price: Number(item.price) })),
  };
}

export async function addToCart(api: Api, userId: string, sku: string, count: number): Promise<void> {
  await ok(await api(`/api/cart/user/${userId}/cart/${sku}`, { method: 'POST', body: JSON.stringify({ count }) }));
}

export async function removeFromCart(api: Api, userId: string, sku: string): Promise<void> {
  await ok(await api(`/api/cart/user/${userId}/cart/${sku}`, { method: 'DELETE' }));
}

/**
 * Sets a line's count. The Route256 contract only adds and removes, so a smaller count is a
 * removal followed by an add of the new count.
 */
export async function setCount(api: Api, userId: string, item: CartItem, count: number): Promise<void> {
  if (count > item.count) return addToCart(api, userId, item.sku, count - item.count);
  await removeFromCart(api, userId, item.sku);
  if (count > 0) await addToCart(api, userId, item.sku, count);
}

export async function checkout(api: Api, userId: string): Promise<string> {
  const response = await api(`/api/cart/checkout/${userId}`, { method: 'POST' });
  return (await json<{ order_id: string }>(response)).order_id;
}

export async function loadOrders(api: Api, userId: string): Promise<Order[]> {
  const response = await api(`/api/orders/user/${userId}/orders?limit=50`);
  return (await json<{ orders: Order[] }>(response)).orders;
}

export async function payOrder(api: Api, orderId: string): Promise<void> {
  await ok(await api('/api/orders/order/pay', { method: 'POST', body: JSON.stringify({ orderId }) }));
}

export async function cancelOrder(api: Api, orderId: string): Promise<void> {
  await ok(await api('/api/orders/order/cancel', { method: 'POST', body: JSON.stringify({ orderId }) }));
}

export async function loadNotifications(api: Api): Promise<NotificationsPage> {
  return json<NotificationsPage>(await api('/api/notifications/notifications?limit=20'));
}

export async function unreadCount(api: Api): Promise<number> {
  return (await json<{ unread: number }>(await api('/api/notifications/notifications/unread-count'))).unread;
}

export async function markRead(api: Api, upToId: string): Promise<void> {
  await ok(await api('/api/notifications/notifications/read', { method: 'POST', body: JSON.stringify({ upToId }) }));
}
