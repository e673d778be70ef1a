/**
 * Runs a TypeScript entry point in Node after bundling it with Vite (SSR build, tfjs inlined).
 * Why not plain tsx: tfjs-core registers its gradients only from its ESM build, whose
 * extensionless imports plain Node refuses; Vite resolves them at build time.
 * Used by `npm run experiment` and the benchmark (bench/run.ts runs bench/node.ts and bench/ab.ts
 * through it); the entry may export `main()`, which is awaited.
 * Usage: tsx scripts/lib/run-node.ts scripts/experiment.ts [args…]
 */
import { build } from 'vite';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-node <entry.ts> [args…]');
  process.exit(2);
}
process.argv.splice(2, 1);
const outDir = resolve('node_modules/.cache/run-node');
const name = basename(entry).replace(/\.ts$/, '');
await build({
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: true },
  build: {
    ssr: resolve(entry),
    outDir,
    emptyOutDir: false,
    target: 'node20',
    // CommonJS so tfjs-backend-wasm's Emscripten loader finds __dirname and require in Node.
    rollupOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
  },
});
const mod = (await import(pathToFileURL(resolve(outDir, `${name}.cjs`)).href)) as {
  main?: () => Promise<void>;
};
if (mod.main) await mod.main();
