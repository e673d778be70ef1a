import { defineConfig, type Plugin } from 'vite';
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

/**
 * The built site's Content-Security-Policy: everything from its own origin, nothing from any
 * other (the page needs no CDN, font or analytics host). Styles allow inline attributes: the
 * views position and colour SVG with them. The workers get their own policy from their script's
 * response, so tfjs' WebAssembly compiles there. Only in builds: the dev server injects inline
 * scripts (React refresh) that this policy would refuse.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

// `base` is relative so the built site also works from a sub-path (GitHub Pages).
export default defineConfig(({ mode }) => ({
  base: './',
  // The tool pages load tfjs' WebAssembly on their main thread: no policy for them.
  plugins: [react(), ...(mode === HARNESS_MODE ? [] : [contentSecurityPolicy()])],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    ...(mode === HARNESS_MODE ? { emptyOutDir: false } : {}),
    rolldownOptions: {
      input: mode === HARNESS_MODE ? HARNESS_PAGES : { main: root('index.html') },
    },
  },
  // The worker's tfjs packages are found only when the worker first loads; without this the dev
  // server bundles them then and reloads the page (losing what the reader did in the first seconds).
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
}));
