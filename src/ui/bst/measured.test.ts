import { describe, expect, it } from 'vitest';
import { MEASURED, MEASURED_COMMAND_CANDIDATE, meanStdText } from './measured';

describe('the measured table', () => {
  it('writes mean ± std to 4 decimals, trailing zeros kept', () => {
    expect(meanStdText([0.678, 0.0524])).toBe('0.6780 ± 0.0524');
    expect(meanStdText([0.633, 0.002])).toBe('0.6330 ± 0.0020');
  });
  it('holds the README rows: 3 models and 4 BST variants, each variant once', () => {
    expect(MEASURED.map((r) => r.model)).toEqual([
      'Base',
      'DIN',
      'DIEN',
      'BST',
      'BST',
      'BST',
      'BST',
    ]);
    const variants = MEASURED.flatMap((r) => (r.bst ? [`${r.bst.position}/${r.bst.output}`] : []));
    expect(new Set(variants).size).toBe(4);
  });
  it('names the candidate run’s command', () => {
    expect(MEASURED_COMMAND_CANDIDATE).toBe(
      'npx tsx scripts/lib/run-node.ts scripts/bst.ts --seeds 3 --steps 800 --T 12 --output candidate --bst-only',
    );
  });
});
