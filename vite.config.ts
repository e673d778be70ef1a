import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base` is relative so the built site also works from a sub-path (GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
