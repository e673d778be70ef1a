/**
 * Issue 14, export: the trained weights download as a .safetensors file that the format's reader
 * parses back (names, shapes, the step and settings in its metadata), and the curves as CSV.
 */
import { readFileSync } from 'node:fs';
import { decodeSafetensors } from '../src/lib/safetensors';
import { test, expect } from './fixtures';
import { open, ready, stepCount, stepOnce } from './helpers';

test('the weights download as safetensors and the curves as CSV', async ({ page }) => {
  await open(page, 'backend=wasm');
  await ready(page);
  await stepOnce(page);
  await stepOnce(page);
  const step = await stepCount(page);

  const [weights] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download weights (.safetensors)' }).click(),
  ]);
  expect(weights.suggestedFilename()).toBe(`din-dien-step-${step}.safetensors`);
  const file = decodeSafetensors(new Uint8Array(readFileSync(await weights.path())));
  const names = file.tensors.map((t) => t.name);
  expect(names).toContain('base.embeddings');
  expect(names).toContain('din.att.dense0.w');
  expect(names).toContain('dien.extractor.W');
  expect(file.metadata.step).toBe(String(step));
  // The tiny settings of the link (emb=4, T=6) are the ones written.
  expect(JSON.parse(file.metadata.model_settings)).toMatchObject({ embDim: 4, T: 6 });
  const emb = file.tensors.find((t) => t.name === 'din.embeddings')!;
  expect(emb.shape[1]).toBe(4);
  expect(emb.values.every(Number.isFinite)).toBe(true);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download curves and metrics (.csv)' }).click(),
  ]);
  const text = readFileSync(await csv.path(), 'utf8').split('\n');
  expect(text[0]).toBe('step,model,metric,value');
  // The last step's training loss is a finite number (DIN's starts near ln 2).
  expect(text.some((l) => new RegExp(`^${step},din,loss,0\\.\\d+$`).test(l))).toBe(true);
  expect(text.some((l) => /^0,base,test_auc,0\.\d+$/.test(l))).toBe(true);
});
