/**
 * tfjs never runs on the main thread: the built entry chunks that dist/index.html loads (and the
 * chunks they import statically) must not contain the tfjs engine. Needs `vite build` first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';

const DIST = resolve(import.meta.dirname, '..', 'dist');

/** Strings that only the tfjs engine or its backends contain. */
const TFJS_MARKERS = [
  '@tensorflow/',
  'tfjs-core',
  'UnsortedSegmentSum',
  'WEBGL_VERSION',
  'WEBGPU_',
  'tfjs-backend-wasm',
  'Backend name',
];

/** The scripts index.html loads, plus everything they import statically (not dynamic imports). */
function mainChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map(
    (m) => m[1],
  );
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(DIST, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const statics = [
      ...code.matchAll(
        /(?:^|[;\s}])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g,
      ),
    ];
    for (const m of statics) queue.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

test('the main bundle never includes tfjs', () => {
  expect(existsSync(join(DIST, 'index.html')), 'run `vite build` first').toBe(true);
  const chunks = mainChunks();
  expect(chunks.length).toBeGreaterThan(0);
  for (const file of chunks) {
    const code = readFileSync(file, 'utf8');
    for (const marker of TFJS_MARKERS)
      expect(code.includes(marker), `${marker} in ${file}`).toBe(false);
  }
  // The markers are real: the engine's worker chunk, which does hold tfjs, shows most of them
  // (the parse worker of imported logs is parseWorker-*.js and holds none).
  const workers = readdirSync(join(DIST, 'assets')).filter((f) => /^worker-.*\.js$/.test(f));
  expect(workers.length).toBeGreaterThan(0);
  for (const w of workers) {
    const code = readFileSync(join(DIST, 'assets', w), 'utf8');
    expect(
      TFJS_MARKERS.filter((m) => code.includes(m)).length,
      `markers in ${w}`,
    ).toBeGreaterThanOrEqual(4);
    expect(chunks.map((c) => c.endsWith(w)).includes(true), `${w} loaded by the main page`).toBe(
      false,
    );
  }
  const parsers = readdirSync(join(DIST, 'assets')).filter((f) => /^parseWorker-.*\.js$/.test(f));
  expect(parsers).toHaveLength(1);
  const parser = readFileSync(join(DIST, 'assets', parsers[0]), 'utf8');
  expect(TFJS_MARKERS.filter((m) => parser.includes(m))).toEqual([]);
});

test('the built page carries a Content-Security-Policy that allows only its own origin', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  expect(csp, 'a CSP meta tag in dist/index.html').toBeDefined();
  const directives = new Map(
    csp!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // No remote origin anywhere: only keywords, self and data: images.
  for (const values of directives.values())
    for (const v of values) expect(v).toMatch(/^('[a-z-]+'|data:)$/);
});
