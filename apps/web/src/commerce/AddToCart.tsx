import { Button } from '@kinobezdna/design';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { useErrorText } from '../i18n/errors';
import { useSession } from '../account/session';
import { addToCart } from './api';

/** "Add to cart" for one offer of a film page; signed-out visitors are sent to sign in. */
export function AddToCart({ sku, label }: { sku: number; label: string }) {
  const { api, state } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const [status, setStatus] = useState<'idle' | 'busy' | 'added'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (state.status !== 'signed-in') {
    return (
      <Link to="/login" className="kb-button kb-button--ghost">
        {t('cart.signInToBuy')}
      </Link>
    );
  }
  const userId = state.user.id;
  async function add() {
    setStatus('busy');
    setError(null);
    try {
      await addToCart(api, userId, String(sku), 1);
      setStatus('added');
    } catch (e) {
      setError(errorText(e));
      setStatus('idle');
    }
  }
  return (
    <span className="offer__buy">
      {status === 'added' ? (
        <Link to="/cart" className="kb-button kb-button--ghost" aria-label={t('cart.inCartOf', { label })}>
          {t('cart.inCart')}
        </Link>
      ) : (
        <Button variant="ghost" disabled={status === 'busy'} onClick={() => void add()} aria-label={t('cart.addOf', { label })}>
          {t('cart.add')}
        </Button>
      )}
      {error && <span className="form-error" role="alert">{error}</span>}
    </span>
  );
}
