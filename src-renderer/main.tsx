/** Entry: in browser mode take the access token from the URL, then render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureToken } from './api/token.js';
import { transportKind } from './api/transport.js';
import { App } from './App.js';
import { useSessionStore } from './stores/session.js';
import './styles.css';

if (transportKind(window) === 'http' && captureToken() === null) {
  useSessionStore.getState().setAuth('missing');
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
