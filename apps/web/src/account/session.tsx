import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isLocale, useLocale } from '@kinobezdna/design';
import { toApiError } from './api';

export interface User {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
}

interface SessionResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

type State =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'signed-in'; user: User; accessToken: string };

interface Session {
  state: State;
  logIn(email: string, password: string): Promise<void>;
  register(email: string, password: string, displayName: string): Promise<void>;
  logOut(): Promise<void>;
  /** fetch() against the API with the access token; refreshes it once on a 401. */
  api(path: string, init?: RequestInit): Promise<Response>;
  renamed(displayName: string): void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The signed-in session. The access token lives only in memory; the refresh token is an HttpOnly
 * cookie the page cannot read. On load and a minute before the access token expires, the session
 * refreshes silently; concurrent refreshes share one request, because a refresh token is single-use.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const token = useRef<string | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const { setLocale } = useLocale();

  const adopt = useCallback((session: SessionResponse) => {
    token.current = session.accessToken;
    setState({ status: 'signed-in', user: session.user, accessToken: session.accessToken });
    window.clearTimeout(timer.current);
    const refreshIn = Math.max(10, session.expiresIn - 60) * 1000;
    timer.current = window.setTimeout(() => void refresh(), refreshIn);
    // The token carries the name given at sign-up; the profile (users service) has the current one.
    // The user's language setting wins over the browser's from now on.
    void fetch('/api/users/me', { headers: { Authorization: `Bearer ${session.accessToken}` } })
      .then((response) => (response.ok ? response.json() : null))
      .then((me: { profile: { displayName: string }; settings: { language: string | null } } | null) => {
        if (me) {
          setState((s) => (s.status === 'signed-in' ? { ...s, user: { ...s.user, displayName: me.profile.displayName } } : s));
          if (isLocale(me.settings.language)) setLocale(me.settings.language);
        }
      })
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const refresh = useCallback((): Promise<boolean> => {
    if (!inflight.current) {
      inflight.current = fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
        .then(async (response) => {
          if (!response.ok) {
            token.current = null;
            setState({ status: 'anonymous' });
            return false;
          }
          adopt((await response.json()) as SessionResponse);
          return true;
        })
        .catch(() => {
          setState((s) => (s.status === 'loading' ? { status: 'anonymous' } : s));
          return false;
        })
        .finally(() => {
          inflight.current = null;
        });
    }
    return inflight.current;
  }, [adopt]);

  useEffect(() => {
    void refresh();
    return () => window.clearTimeout(timer.current);
  }, [refresh]);

  const signIn = useCallback(
    async (path: string, body: object) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      if (!response.ok) throw await toApiError(response);
      adopt((await response.json()) as SessionResponse);
    },
    [adopt],
  );

  const api = useCallback(
    async (path: string, init: RequestInit = {}) => {
      const send = () =>
        fetch(path, {
          ...init,
          headers: {
            ...(init.body ? { 'Content-Type': 'application/json' } : {}),
            ...(init.headers ?? {}),
            ...(token.current ? { Authorization: `Bearer ${token.current}` } : {}),
          },
        });
      let response = await send();
      if (response.status === 401 && (await refresh())) response = await send();
      return response;
    },
    [refresh],
  );

  const value = useMemo<Session>(
    () => ({
      state,
      api,
      logIn: (email, password) => signIn('/api/auth/login', { email, password }),
      register: (email, password, displayName) => signIn('/api/auth/register', { email, password, displayName }),
      async logOut() {
        window.clearTimeout(timer.current);
        await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
        token.current = null;
        setState({ status: 'anonymous' });
      },
      renamed(displayName) {
        setState((s) => (s.status === 'signed-in' ? { ...s, user: { ...s.user, displayName } } : s));
      },
    }),
    [state, api, signIn],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
