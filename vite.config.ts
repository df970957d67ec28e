import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: the build works under any prefix (kubectl proxy --www-prefix=/lab/, issue 12).
  base: './',
  // The simulation worker is emitted as its own ES module chunk.
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
