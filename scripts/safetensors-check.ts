/**
 * Proves the exported weights mean what the README says: trains a few steps in Node, exports
 * the weights as .safetensors, scores the lesson's history with the engine, and has
 * scripts/safetensors_check.py recompute Base's and DIN's CTR in plain PyTorch from the file.
 * Needs Python 3 with torch (Debian: apt-get install python3-torch); not part of CI.
 * Usage: tsx scripts/lib/run-node.ts scripts/safetensors-check.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useNodeBackend } from '../src/train/worker/nodeBackend';
import { TrainingSession } from '../src/train/worker/session';
import { weightsToSafetensors } from '../src/train/weightsFile';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
import { DEFAULT_WORLD } from '../src/world/simulator';
import { goodByName } from '../src/world/catalogue';

export async function main(): Promise<void> {
  await useNodeBackend('cpu');
  const config = {
    world: { ...DEFAULT_WORLD, shoppers: 300 },
    model: DEFAULT_MODEL_SETTINGS,
    train: { batchSize: 32, learningRate: 0.01, seed: 3, evalEvery: 0 },
  };
  const session = await TrainingSession.create(config);
  for (let i = 0; i < 40; i++) session.step();
  const history = ['mouse', 'T-shirt', 'face wash'];
  const candidate = 'keyboard';
  const scored = await session.score(
    history.map((n) => goodByName(n).id),
    goodByName(candidate).id,
  );
  const dir = mkdtempSync(join(tmpdir(), 'safetensors-'));
  const file = join(dir, 'weights.safetensors');
  writeFileSync(file, weightsToSafetensors(await session.exportWeights(), config));
  const expected = join(dir, 'expected.json');
  writeFileSync(
    expected,
    JSON.stringify({
      history,
      candidate,
      base: scored.base.ctr,
      din: scored.din.ctr,
      dinWeights: scored.din.weights,
    }),
  );
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const run = spawnSync(python, ['scripts/safetensors_check.py', file, expected], {
    encoding: 'utf8',
  });
  process.stdout.write(run.stdout + run.stderr);
  if (run.status !== 0) process.exitCode = 1;
}
