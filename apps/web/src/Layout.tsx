import { Logo } from '@kinobezdna/design';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from './account/session';
import { NotificationBell } from './commerce/NotificationBell';

const NAV = [
  { to: '/films', label: 'Films' },
  { to: '/search', label: 'Search' },
  { to: '/watchlist', label: 'Want to watch' },
  { to: '/status', label: 'Status' },
];

/** The header's right end: who is signed in and their pages, or a way to sign in. */
function AccountMenu() {
  const { state, logOut } = useSession();
  const navigate = useNavigate();
  if (state.status === 'loading') return <span className="site-signin" aria-hidden="true" />;
  if (state.status === 'anonymous') {
    return (
      <NavLink className="kb-button kb-button--ghost site-signin" to="/login">
        Sign in
      </NavLink>
    );
  }
  return (
    <nav aria-label="Account" className="site-signin account-menu">
      <NavLink to="/profile" className="account-name" data-testid="signed-in-user">{state.user.displayName}</NavLink>
      <NotificationBell />
      <NavLink to="/cart">Cart</NavLink>
      <NavLink to="/orders">Orders</NavLink>
      <NavLink to="/friends">Friends</NavLink>
      <NavLink to="/files">My files</NavLink>
      <NavLink to="/settings">Settings</NavLink>
      {state.user.roles.some((r) => r === 'SUPPORT' || r === 'ADMIN') && <NavLink to="/support/reviews">Moderation</NavLink>}
      <button
        type="button"
        className="kb-button kb-button--ghost"
        onClick={() => void logOut().then(() => navigate('/'))}
      >
        Sign out
      </button>
    </nav>
  );
}

export function Layout() {
  return (
    <div className="site">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <Logo />
        <nav aria-label="Main">
          <ul className="site-nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <span>© KinoBezdna — an open-source reference online cinema</span>
        <nav aria-label="Footer">
          <NavLink to="/status">Platform status</NavLink> · <a href="/m/">Mobile app</a>
        </nav>
      </footer>
    </div>
  );
}
