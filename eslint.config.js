import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * The layers (PRODUCT.md), as a table: each room, the files it holds (the longest matching
 * prefix wins) and the rooms it may import. Anything not listed is forbidden, so a wrong import
 * fails `npm run lint`. `tfjs` stands for @tensorflow/*, which never runs on the main thread.
 */
const LAYERS = [
  { room: 'lib', files: ['src/lib/'], may: [] },
  { room: 'world', files: ['src/world/'], may: ['lib'] },
  { room: 'data', files: ['src/data/'], may: ['world', 'lib'] },
  { room: 'metrics', files: ['src/metrics/'], may: ['lib'] },
  // The models' names, settings and defaults, the bug lab's switches (bugs.ts) and BST's settings
  // (bstConfig.ts): plain data the protocol and the page may share.
  {
    room: 'model-config',
    files: ['src/model/config.ts', 'src/model/bugs.ts', 'src/model/bstConfig.ts'],
    may: ['world', 'data', 'lib'],
  },
  { room: 'model', files: ['src/model/'], may: ['model-config', 'world', 'data', 'lib', 'tfjs'] },
  // What both threads share: the messages and their data, the pure backend chain, the notices'
  // English wording. Every file of src/train/ outside worker/ and page/ is shared.
  {
    room: 'train-shared',
    files: ['src/train/'],
    may: ['model-config', 'world', 'data', 'lib'],
  },
  {
    room: 'train-worker',
    files: ['src/train/worker/'],
    may: ['train-shared', 'model', 'model-config', 'world', 'data', 'metrics', 'lib', 'tfjs'],
  },
  { room: 'train-page', files: ['src/train/page/'], may: ['train-shared', 'lib'] },
  {
    room: 'ui',
    files: ['src/ui/', 'src/App.tsx', 'src/main.tsx'],
    may: ['train-page', 'train-shared', 'model-config', 'world', 'data', 'metrics', 'lib'],
  },
  // Test and benchmark pages (not in the production build): they drive the engine directly.
  {
    room: 'harness',
    files: ['src/harness/'],
    may: [
      'train-page',
      'train-worker',
      'train-shared',
      'model',
      'model-config',
      'world',
      'data',
    ].concat(['metrics', 'lib', 'tfjs']),
  },
  // Node and browser tools sit outside src/ and may use any of it; src/ never imports them.
  { room: 'tools', files: ['bench/', 'scripts/', 'tests/', 'e2e/'], may: ['*'] },
];

/** Tests may also read the plain-TypeScript layers (a lesson test scores with the metrics). */
const TESTS_ALSO_MAY = ['world', 'data', 'metrics', 'model-config', 'lib'];

const ROOMS = LAYERS.flatMap((l) => l.files.map((prefix) => ({ prefix, layer: l }))).sort(
  (a, b) => b.prefix.length - a.prefix.length,
);

function layerOf(absolute) {
  const rel = path.relative(ROOT, absolute).split(path.sep).join('/');
  return ROOMS.find((r) => rel === r.prefix || rel.startsWith(r.prefix))?.layer;
}

/** The file an import names: as written, or with the extension TypeScript would add. */
function resolveFile(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec.replace(/\?.*$/, ''));
  const found = ['', '.ts', '.tsx', '/index.ts']
    .map((e) => base + e)
    .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  return found ?? base;
}

/**
 * Worker entry points: a page starts them with new URL(…, import.meta.url) and talks to them by
 * messages, so naming one imports none of its code into the page's thread.
 */
const WORKER_ENTRIES = ['src/train/worker/worker.ts', 'src/harness/benchWorker.ts'];

function targetRoom(fromFile, spec, asUrl) {
  if (spec.startsWith('@tensorflow/')) return 'tfjs';
  if (!spec.startsWith('.')) return undefined; // other packages: not a layer question
  const target = resolveFile(fromFile, spec);
  const rel = path.relative(ROOT, target).split(path.sep).join('/');
  if (asUrl && WORKER_ENTRIES.includes(rel)) return undefined;
  return layerOf(target)?.room;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports follow the layer table in eslint.config.js' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = layerOf(file);
    if (!own || own.may.includes('*')) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    const allowed = new Set([own.room, ...own.may, ...(isTest ? TESTS_ALSO_MAY : [])]);
    const check = (node, spec, asUrl = false) => {
      if (typeof spec !== 'string') return;
      const room = targetRoom(file, spec, asUrl);
      if (room === undefined || allowed.has(room)) return;
      const hint =
        room === 'tfjs' || room === 'model'
          ? ' tfjs never runs on the main thread: talk to the worker.'
          : '';
      context.report({
        node,
        message: `${own.room} may not import ${room} ('${spec}').${hint} See LAYERS in eslint.config.js.`,
      });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
      // new URL('./worker.ts', import.meta.url): how Vite starts a worker.
      NewExpression: (n) =>
        n.callee.type === 'Identifier' &&
        n.callee.name === 'URL' &&
        n.arguments[0]?.type === 'Literal' &&
        check(n, n.arguments[0].value, true),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'results',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'src/**/*.{ts,tsx}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      'e2e/**/*.ts',
    ],
    plugins: { rooms: { rules: { layers: layersRule } } },
    rules: { 'rooms/layers': 'error' },
  },
  {
    // The engine's plain layers stay free of the DOM-side UI libraries.
    files: ['src/world/**', 'src/data/**', 'src/metrics/**', 'src/lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'd3-*'] }] },
  },
);
