import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { messageOf } from '../account/api';
import { useSession } from '../account/session';
import { checkout, formatMoney, loadCart, removeFromCart, setCount, type Cart, type CartItem } from './api';

/** The signed-in user's cart: counts, removal, the total, and checkout. */
export function CartPage() {
  const { api, state } = useSession();
  const navigate = useNavigate();
  const userId = state.status === 'signed-in' ? state.user.id : '';
  const [cart, setCart] = useState<Cart | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setCart(await loadCart(api, userId));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, userId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function change(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      await reload();
      setBusy(false);
    }
  }

  async function placeOrder() {
    setBusy(true);
    setError(null);
    try {
      const orderId = await checkout(api, userId);
      navigate(`/orders?placed=${orderId}`);
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="page-title">Cart</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {cart === undefined && !error && <Spinner label="Loading your cart…" />}
      {cart === null && (
        <EmptyState title="Your cart is empty" action={<Link className="kb-button kb-button--primary" to="/films">Find films</Link>}>
          Add a rental, a purchase or a premiere ticket from a film page.
        </EmptyState>
      )}
      {cart && (
        <section aria-label="Items in your cart" className="cart">
          <ul className="cart__items">
            {cart.items.map((item) => (
              <CartLine
                key={item.sku}
                item={item}
                busy={busy}
                onCount={(count) => change(() => setCount(api, userId, item, count))}
                onRemove={() => change(() => removeFromCart(api, userId, item.sku))}
              />
            ))}
          </ul>
          <p className="cart__total">
            Total <strong data-testid="cart-total">{formatMoney(cart.total_price, cart.currency)}</strong>
          </p>
          <Button onClick={() => void placeOrder()} disabled={busy}>
            {busy ? 'Working…' : 'Checkout'}
          </Button>
        </section>
      )}
    </>
  );
}

function CartLine(props: { item: CartItem; busy: boolean; onCount: (count: number) => void; onRemove: () => void }) {
  const { item, busy } = props;
  return (
    <li className="cart__item" data-testid="cart-item">
      <Link to={`/films/${item.film_id}`} className="cart__name">{item.name}</Link>
      <span className="cart__price">{item.currency ? formatMoney(item.price, item.currency) : 'Not for sale'}</span>
      <span className="cart__count" role="group" aria-label={`How many of ${item.name}`}>
        <Button variant="ghost" aria-label="One less" disabled={busy} onClick={() => props.onCount(item.count - 1)}>−</Button>
        <output aria-live="polite" data-testid="cart-count">{item.count}</output>
        <Button variant="ghost" aria-label="One more" disabled={busy} onClick={() => props.onCount(item.count + 1)}>+</Button>
      </span>
      <Button variant="ghost" disabled={busy} onClick={props.onRemove}>Remove</Button>
    </li>
  );
}
