/**
 * Writes the import's sample files (the page's "download a sample file" content, generated from
 * the toy world) to a folder, for `npm run experiment -- --data …` and for a look at each format.
 * Usage: npx tsx scripts/import-samples.ts [DIR] [--shoppers N]   (default DIR: results/samples)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleFiles } from '../src/data/import/sampleFiles';
import { FORMATS } from '../src/data/import/types';
import { DEFAULT_WORLD, simulateWorld } from '../src/world/simulator';

const args = process.argv.slice(2);
const i = args.indexOf('--shoppers');
const shoppers = i >= 0 ? Number(args[i + 1]) : 200;
const dir =
  args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--shoppers') ?? 'results/samples';
const world = simulateWorld({ ...DEFAULT_WORLD, shoppers });
mkdirSync(dir, { recursive: true });
for (const format of FORMATS) {
  for (const f of sampleFiles(format, { world })) {
    writeFileSync(join(dir, f.name), f.text);
    console.log(`${format}: ${join(dir, f.name)}`);
  }
}
