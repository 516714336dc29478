import { Button, EmptyState, Spinner, useFormat } from '@kinobezdna/design';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { checkout, loadCart, removeFromCart, setCount, type Cart, type CartItem } from './api';

/** The signed-in user's cart: counts, removal, the total, and checkout. */
export function CartPage() {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const format = useFormat();
  const navigate = useNavigate();
  const userId = state.status === 'signed-in' ? state.user.id : '';
  const [cart, setCart] = useState<Cart | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setCart(await loadCart(api, userId));
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, userId, errorText]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function change(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
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
      setError(errorText(e));
      setBusy(false);
    }
  }

  return (
    <>
      <h1 className="page-title">{t('nav.cart')}</h1>
      {error && <p className="form-error" role="alert">{error}</p>}
      {cart === undefined && !error && <Spinner label={t('cart.loading')} />}
      {cart === null && (
        <EmptyState
          title={t('cart.empty')}
          action={<Link className="kb-button kb-button--primary" to="/films">{t('common.findFilms')}</Link>}
        >
          {t('cart.emptyText')}
        </EmptyState>
      )}
      {cart && (
        <section aria-label={t('cart.items')} className="cart">
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
            {t('cart.total')} <strong data-testid="cart-total">{format.money(cart.total_price, cart.currency || 'RUB')}</strong>
          </p>
          <Button onClick={() => void placeOrder()} disabled={busy}>
            {busy ? t('common.working') : t('cart.checkout')}
          </Button>
        </section>
      )}
    </>
  );
}

function CartLine(props: { item: CartItem; busy: boolean; onCount: (count: number) => void; onRemove: () => void }) {
  const { item, busy } = props;
  const t = useT();
  const format = useFormat();
  return (
    <li className="cart__item" data-testid="cart-item">
      <Link to={`/films/${item.film_id}`} className="cart__name">{item.name}</Link>
      <span className="cart__price">{item.currency ? format.money(item.price, item.currency) : t('cart.notForSale')}</span>
      <span className="cart__count" role="group" aria-label={t('cart.howMany', { name: item.name })}>
        <Button variant="ghost" aria-label={t('cart.less')} disabled={busy} onClick={() => props.onCount(item.count - 1)}>−</Button>
        <output aria-live="polite" data-testid="cart-count">{item.count}</output>
        <Button variant="ghost" aria-label={t('cart.more')} disabled={busy} onClick={() => props.onCount(item.count + 1)}>+</Button>
      </span>
      <Button variant="ghost" disabled={busy} onClick={props.onRemove} aria-label={t('cart.removeOf', { name: item.name })}>
        {t('cart.remove')}
      </Button>
    </li>
  );
}
