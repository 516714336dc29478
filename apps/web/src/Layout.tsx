import { LanguageSwitch, Logo } from '@kinobezdna/design';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useSession } from './account/session';
import { saveLanguage } from './account/useMe';
import { NotificationBell } from './commerce/NotificationBell';
import { useT, type MessageId } from './i18n';

const NAV: { to: string; label: MessageId }[] = [
  { to: '/films', label: 'nav.films' },
  { to: '/search', label: 'nav.search' },
  { to: '/watchlist', label: 'nav.watchlist' },
  { to: '/status', label: 'nav.status' },
];

/** The header's right end: who is signed in and their pages, or a way to sign in. */
function AccountMenu() {
  const { state, logOut } = useSession();
  const navigate = useNavigate();
  const t = useT();
  if (state.status === 'loading') return <span className="site-signin" aria-hidden="true" />;
  if (state.status === 'anonymous') {
    return (
      <NavLink className="kb-button kb-button--ghost site-signin" to="/login">
        {t('nav.signIn')}
      </NavLink>
    );
  }
  return (
    <nav aria-label={t('nav.account')} className="site-signin account-menu">
      <NavLink to="/profile" className="account-name" data-testid="signed-in-user">{state.user.displayName}</NavLink>
      <NotificationBell />
      <NavLink to="/cart">{t('nav.cart')}</NavLink>
      <NavLink to="/orders">{t('nav.orders')}</NavLink>
      <NavLink to="/friends">{t('nav.friends')}</NavLink>
      <NavLink to="/files">{t('nav.files')}</NavLink>
      <NavLink to="/settings">{t('nav.settings')}</NavLink>
      {state.user.roles.some((r) => r === 'SUPPORT' || r === 'ADMIN') && <NavLink to="/support/reviews">{t('nav.moderation')}</NavLink>}
      <button
        type="button"
        className="kb-button kb-button--ghost"
        onClick={() => void logOut().then(() => navigate('/'))}
      >
        {t('nav.signOut')}
      </button>
    </nav>
  );
}

export function Layout() {
  const t = useT();
  const { state, api } = useSession();
  return (
    <div className="site">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <Logo />
        <nav aria-label={t('nav.main')}>
          <ul className="site-nav">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <AccountMenu />
        <LanguageSwitch
          onChosen={(locale) => {
            // a signed-in user's choice is their setting: it follows them to other browsers
            if (state.status === 'signed-in') void saveLanguage(api, locale).catch(() => undefined);
          }}
        />
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <span>{t('footer.about')}</span>
        <nav aria-label={t('footer.nav')}>
          <NavLink to="/status">{t('footer.status')}</NavLink> · <a href="/m/">{t('footer.mobile')}</a>
        </nav>
      </footer>
    </div>
  );
}
