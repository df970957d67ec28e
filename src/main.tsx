// Composition root: one simulation (its worker, store and pull loop, all owned by the
// provider) → the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from './worker/client';
import { SimStoreProvider } from './store/SimStoreProvider';
import { App } from './ui/App';
import './ui/theme/tokens.css';
// Live mode (issue 12 item 3): `?live=/k8s` draws that API server instead of the simulator.
import { LiveProvider } from './store/live/LiveProvider';
import { LiveApp } from './ui/live/LiveApp';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const live = new URLSearchParams(window.location.search).get('live');
createRoot(root).render(
  <StrictMode>
    {live !== null ? (
      // Relative to the page: `/k8s` beside the app under kubectl proxy.
      <LiveProvider server={new URL(live || '/k8s', window.location.href).href}>
        <LiveApp />
      </LiveProvider>
    ) : (
      <SimStoreProvider connect={createWorkerClient}>
        <App />
      </SimStoreProvider>
    )}
  </StrictMode>,
);
