import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The simulation worker is emitted as its own ES module chunk.
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
