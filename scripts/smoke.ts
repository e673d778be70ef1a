import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { TrainingSession } from '../src/train/worker/session';
import { DEFAULT_WORLD } from '../src/world/simulator';
import { DEFAULT_MODEL_SETTINGS } from '../src/model/config';
tf.env().set('IS_NODE', false);
await tf.setBackend('cpu');
const s = TrainingSession.create({
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: { batchSize: 128, learningRate: 0.005, seed: 1, evalEvery: 50 },
});
console.log('train', s.trainSize, 'test', s.testSize);
for (let i = 0; i < 3; i++) s.step();
let t0 = performance.now();
for (let i = 0; i < 20; i++) s.step();
console.log('ms/step', (performance.now() - t0) / 20, tf.memory().numTensors);
console.log(await s.readLosses());
t0 = performance.now();
console.log(await s.evaluate(), performance.now() - t0);
const r = await s.score([3, 5, 9], 2);
console.log(JSON.stringify(r).slice(0, 600));
