import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LocaleProvider } from '@kinobezdna/design';
import '@kinobezdna/design/tokens.css';
import './app.css';
import { App } from './App';
import { catalogs } from './i18n';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider catalogs={catalogs}>
      <BrowserRouter basename="/m">
        <App />
      </BrowserRouter>
    </LocaleProvider>
  </StrictMode>,
);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch((error: unknown) => {
      console.warn('KinoBezdna: offline support is unavailable', error);
    });
  });
}
