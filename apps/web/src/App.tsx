import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireSignIn } from './account/RequireSignIn';
import { FilmPage } from './catalog/FilmPage';
import { CartPage } from './commerce/CartPage';
import { OrdersPage } from './commerce/OrdersPage';
import { FilePage } from './files/FilePage';
import { FilesPage } from './files/FilesPage';
import { SearchPage } from './catalog/SearchPage';
import { useT } from './i18n';
import { Layout } from './Layout';
import { FriendsPage } from './pages/FriendsPage';
import { LoginPage } from './pages/LoginPage';
import { ProfilePage } from './pages/ProfilePage';
import { RegisterPage } from './pages/RegisterPage';
import { SettingsPage } from './pages/SettingsPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { ReviewModerationPage } from './support/ReviewModerationPage';
import { WatchlistPage } from './ugc/WatchlistPage';

/** Every route of the site. */
export function App() {
  const t = useT();
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="films" element={<SearchPage title={t('nav.films')} />} />
        <Route path="films/:filmId" element={<FilmPage />} />
        <Route path="search" element={<SearchPage title={t('nav.search')} />} />
        <Route path="watchlist" element={<RequireSignIn><WatchlistPage /></RequireSignIn>} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="profile" element={<RequireSignIn><ProfilePage /></RequireSignIn>} />
        <Route path="settings" element={<RequireSignIn><SettingsPage /></RequireSignIn>} />
        <Route path="friends" element={<RequireSignIn><FriendsPage /></RequireSignIn>} />
        <Route path="support/reviews" element={<RequireSignIn><ReviewModerationPage /></RequireSignIn>} />
        <Route path="cart" element={<RequireSignIn><CartPage /></RequireSignIn>} />
        <Route path="checkout" element={<Navigate to="/cart" replace />} />
        <Route path="orders" element={<RequireSignIn><OrdersPage /></RequireSignIn>} />
        <Route path="files" element={<RequireSignIn><FilesPage /></RequireSignIn>} />
        <Route path="files/:fileId" element={<RequireSignIn><FilePage /></RequireSignIn>} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
