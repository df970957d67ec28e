// Composition root: one simulation (its worker, store and pull loop, all owned by the
// provider) → the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerClient } from './worker/client';
import { SimStoreProvider } from './store/SimStoreProvider';
import { App } from './ui/App';
import './ui/theme/tokens.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SimStoreProvider connect={createWorkerClient}>
      <App />
    </SimStoreProvider>
  </StrictMode>,
);
