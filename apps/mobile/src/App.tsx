import { EmptyState, Icon, type IconName, LanguageSwitch, Logo } from '@kinobezdna/design';
import type { ReactNode } from 'react';
import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useT, type MessageId } from './i18n';

const TABS: { to: string; label: MessageId; icon: IconName; end?: boolean }[] = [
  { to: '/', label: 'tab.films', icon: 'film', end: true },
  { to: '/search', label: 'tab.search', icon: 'search' },
  { to: '/chat', label: 'tab.support', icon: 'chat' },
  { to: '/stats', label: 'tab.live', icon: 'chart' },
  { to: '/profile', label: 'tab.profile', icon: 'user' },
];

/** The app shell: a top bar, the current tab, and the bottom tab bar. */
export function App() {
  const t = useT();
  return (
    <div className="app">
      <header className="app-bar">
        <Logo href="/m/" />
      </header>
      <main className="app-main" id="main">
        <Routes>
          <Route index element={<Tab heading="tab.films" feature="feature.catalog" />} />
          <Route path="search" element={<Tab heading="tab.search" feature="feature.search" />} />
          <Route path="chat" element={<Tab heading="tab.support" feature="feature.chat" />} />
          <Route path="stats" element={<Tab heading="title.stats" feature="feature.stats" />} />
          <Route
            path="profile"
            element={
              <Tab heading="tab.profile" feature="feature.profile">
                <div className="field">
                  <label htmlFor="app-language">{t('profile.language')}</label>
                  <LanguageSwitch id="app-language" />
                </div>
              </Tab>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <nav className="tab-bar" aria-label={t('tabs.label')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="tab">
            <span className="tab-icon"><Icon name={tab.icon} /></span>
            <span className="tab-label">{t(tab.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

function Tab({ heading, feature, children }: { heading: MessageId; feature: MessageId; children?: ReactNode }) {
  const t = useT();
  return (
    <>
      <h1 className="app-title">{t(heading)}</h1>
      {children}
      <EmptyState title={t('feature.coming', { feature: t(feature) })}>{t('feature.notBuilt')}</EmptyState>
    </>
  );
}

function NotFound() {
  const t = useT();
  return (
    <>
      <h1 className="app-title">{t('notFound.title')}</h1>
      <EmptyState
        title={t('notFound.heading')}
        action={<Link className="kb-button kb-button--primary" to="/">{t('notFound.back')}</Link>}
      />
    </>
  );
}
