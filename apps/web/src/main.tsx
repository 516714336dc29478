import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LocaleProvider } from '@kinobezdna/design';
import '@kinobezdna/design/tokens.css';
import './site.css';
import { SessionProvider } from './account/session';
import { App } from './App';
import { catalogs } from './i18n';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider catalogs={catalogs}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </LocaleProvider>
  </StrictMode>,
);
