import { Logo } from '@kinobezdna/design';
import { NavLink, Outlet } from 'react-router-dom';

const NAV = [
  { to: '/films', label: 'Films' },
  { to: '/search', label: 'Search' },
  { to: '/watchlist', label: 'Want to watch' },
  { to: '/status', label: 'Status' },
];

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
        <NavLink className="kb-button kb-button--ghost site-signin" to="/login">
          Sign in
        </NavLink>
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
