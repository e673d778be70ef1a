import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Two extra pages exist for the tools, not for readers (their scripts are in src/harness/, see its
 * README.md): harness.html drives the real training worker per forced backend for the
 * cross-backend agreement e2e test (e2e/agreement.spec.ts), and bench.html drives the engine per
 * backend for `npm run bench` (bench/browser/engine.ts). Nothing on the site links to them and
 * bench.html loads tfjs on its main thread, so the production build (`vite build`, `npm run
 * build`) leaves them out: dist/ is the explainer alone.
 *
 * `vite build --mode harness`, run after the production build, adds the two pages to that dist/
 * (it builds only them and empties nothing). `npm run test:e2e` and `npm run bench` build both
 * ways in turn, so the index.html and chunks they test are byte for byte the production ones:
 * e2e/bundle.spec.ts checks the bundle that ships, and the bench measures its sizes. Building
 * all three pages in one go would not: shared modules would split into extra chunks. The dev
 * server (`npm start`) serves every page.
 */
const HARNESS_MODE = 'harness';
const HARNESS_PAGES: Record<string, string> = {
  harness: root('harness.html'),
  bench: root('bench.html'),
};

// `base` is relative so the built site also works from a sub-path (GitHub Pages).
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    ...(mode === HARNESS_MODE ? { emptyOutDir: false } : {}),
    rolldownOptions: {
      input: mode === HARNESS_MODE ? HARNESS_PAGES : { main: root('index.html') },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
}));
