import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { applyTheme, initialTheme } from './components/theme.js';
import { prefetchNetworkSummary } from './live/use-network-counts.js';
import './styles.css';

applyTheme(initialTheme());
// The overview's one request starts with the page, in parallel with the sign-in check.
if (window.location.pathname === '/') prefetchNetworkSummary();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ErrorBoundary>
  </StrictMode>,
);
