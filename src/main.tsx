// Composition root: the worker client → one store → the app, and the pull loop that brings the
// newest frame into the store once per animation frame (never more than one pull in flight).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { workerClient } from './worker/client';
import { createSimStore } from './store/createSimStore';
import { SimStoreProvider } from './store/SimStoreProvider';
import { App } from './ui/App';
import './ui/theme/tokens.css';

const store = createSimStore(workerClient());
const loop = () => {
  void store.getState().pull();
  requestAnimationFrame(loop);
};
requestAnimationFrame(loop);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SimStoreProvider store={store}>
      <App />
    </SimStoreProvider>
  </StrictMode>,
);
