import { Route, Routes } from 'react-router-dom';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StatusPage } from './pages/StatusPage';
import { UpcomingPage } from './pages/UpcomingPage';

/**
 * Every route the site will have. Pages whose services have not landed yet say so plainly
 * (see UpcomingPage) instead of showing made-up content.
 */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="films" element={<UpcomingPage title="Films" feature="The catalog" />} />
        <Route path="films/:filmId" element={<UpcomingPage title="Film" feature="Film pages" />} />
        <Route path="search" element={<UpcomingPage title="Search" feature="Search by title and genre" />} />
        <Route path="watchlist" element={<UpcomingPage title="Want to watch" feature="Your list" />} />
        <Route path="login" element={<UpcomingPage title="Sign in" feature="Accounts" />} />
        <Route path="register" element={<UpcomingPage title="Create an account" feature="Accounts" />} />
        <Route path="profile" element={<UpcomingPage title="Profile" feature="Profiles" />} />
        <Route path="settings" element={<UpcomingPage title="Settings" feature="Settings" />} />
        <Route path="checkout" element={<UpcomingPage title="Checkout" feature="Cart and checkout" />} />
        <Route path="files" element={<UpcomingPage title="My files" feature="File storage" />} />
        <Route path="status" element={<StatusPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
