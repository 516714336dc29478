import { EmptyState, Icon, type IconName, Logo } from '@kinobezdna/design';
import { Link, NavLink, Route, Routes } from 'react-router-dom';

const TABS: { to: string; label: string; icon: IconName; end?: boolean }[] = [
  { to: '/', label: 'Films', icon: 'film', end: true },
  { to: '/search', label: 'Search', icon: 'search' },
  { to: '/chat', label: 'Support', icon: 'chat' },
  { to: '/stats', label: 'Live', icon: 'chart' },
  { to: '/profile', label: 'Profile', icon: 'user' },
];

/** The app shell: a top bar, the current tab, and the bottom tab bar. */
export function App() {
  return (
    <div className="app">
      <header className="app-bar">
        <Logo href="/m/" />
      </header>
      <main className="app-main" id="main">
        <Routes>
          <Route index element={<Tab title="Films" feature="The catalog" />} />
          <Route path="search" element={<Tab title="Search" feature="Search with categories" />} />
          <Route path="chat" element={<Tab title="Support" feature="Support chat" />} />
          <Route path="stats" element={<Tab title="Live statistics" feature="Live statistics" />} />
          <Route path="profile" element={<Tab title="Profile" feature="Sign-in and your profile" />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <nav className="tab-bar" aria-label="Sections">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className="tab">
            <span className="tab-icon"><Icon name={tab.icon} /></span>
            <span className="tab-label">{tab.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

function Tab({ title, feature }: { title: string; feature: string }) {
  return (
    <>
      <h1 className="app-title">{title}</h1>
      <EmptyState title={`${feature} is on its way`}>
        This part of the app has not been built yet.
      </EmptyState>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1 className="app-title">Page not found</h1>
      <EmptyState title="This reel is missing" action={<Link className="kb-button kb-button--primary" to="/">Go to films</Link>} />
    </>
  );
}
