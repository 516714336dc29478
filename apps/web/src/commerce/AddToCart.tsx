import { Button } from '@kinobezdna/design';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { messageOf } from '../account/api';
import { useSession } from '../account/session';
import { addToCart } from './api';

/** "Add to cart" for one offer of a film page; signed-out visitors are sent to sign in. */
export function AddToCart({ sku, label }: { sku: number; label: string }) {
  const { api, state } = useSession();
  const [status, setStatus] = useState<'idle' | 'busy' | 'added'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (state.status !== 'signed-in') {
    return <Link to="/login" className="kb-button kb-button--ghost">Sign in to buy</Link>;
  }
  const userId = state.user.id;
  async function add() {
    setStatus('busy');
    setError(null);
    try {
      await addToCart(api, userId, String(sku), 1);
      setStatus('added');
    } catch (e) {
      setError(messageOf(e));
      setStatus('idle');
    }
  }
  return (
    <span className="offer__buy">
      {status === 'added' ? (
        <Link to="/cart" className="kb-button kb-button--ghost" aria-label={`In your cart: ${label}. Open the cart`}>In cart ✓</Link>
      ) : (
        <Button variant="ghost" disabled={status === 'busy'} onClick={() => void add()} aria-label={`Add to cart: ${label}`}>
          Add to cart
        </Button>
      )}
      {error && <span className="form-error" role="alert">{error}</span>}
    </span>
  );
}
