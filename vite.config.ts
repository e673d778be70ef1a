import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// `base` is relative so the built site also works from a sub-path (GitHub Pages).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // harness.html is a test-only page for the cross-backend agreement e2e test; bench.html
      // drives the engine per backend for `npm run bench`. Neither is linked from the site.
      input: {
        main: root('index.html'),
        harness: root('harness.html'),
        bench: root('bench.html'),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
