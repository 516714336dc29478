import { Spinner } from '@kinobezdna/design';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useT } from '../i18n';
import { useSession } from './session';

/** Pages for signed-in users: others are sent to sign in, and come back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const t = useT();
  if (state.status === 'loading') return <Spinner label={t('session.loading')} />;
  if (state.status === 'anonymous') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return <>{children}</>;
}
