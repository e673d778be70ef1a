/** The built site: the two builds the browser phases need, and the sizes a reader downloads. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { log, ROOT, SITE } from './cli';
import type { Results } from './types';

/**
 * The production site, then bench.html beside it (vite.config.ts: --mode harness), in SITE: the
 * same two builds as `npm run test:e2e` makes in dist/, so the chunks measured are the ones that ship.
 */
export function buildSite(): void {
  log(`building the site in ${SITE} (vite build, then --mode harness for bench.html)`);
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', SITE, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'harness', '--logLevel', 'warn', '--outDir', SITE],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** gzip -9 size, as a static host serves it. */
const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** What a reader downloads, from the build in SITE (undefined when there is none yet). */
export function loadingSizes(): Results['loading'] {
  const dist = SITE;
  if (!existsSync(resolve(dist, 'index.html'))) return undefined;
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const file = (f: string) => {
    const buf = readFileSync(resolve(dist, f.replace(/^\.?\//, '')));
    return { file: f.replace(/^\.?\//, ''), raw: buf.length, gzip: gz(buf) };
  };
  const firstPaint = [...new Set(refs)].map(file);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => {
    const f = file(m[1]);
    return { file: f.file, gzip: f.gzip };
  });
  const assets = readdirSync(resolve(dist, 'assets'));
  const worker = assets.filter((a) => /^worker-.*\.js$/.test(a)).map((a) => file(`assets/${a}`));
  const wasm = assets.filter((a) => a.endsWith('.wasm')).map((a) => file(`assets/${a}`));
  return {
    firstPaint,
    firstPaintGzip: firstPaint.reduce((s, f) => s + f.gzip, 0),
    css,
    worker,
    workerGzip: worker.reduce((s, f) => s + f.gzip, 0),
    wasm,
    pages: [],
  };
}
