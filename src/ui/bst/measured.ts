/**
 * What scripts/bst.ts measured in Node (README, "BST and the clock"), copied as measured: test
 * AUC mean ± sample std over seeds 1–3, 800 steps, T 12, on the time world and its control where
 * time carries no signal. The page does not re-measure them.
 */
export interface MeasuredRow {
  model: string;
  /** The BST variant's words, when the row is a BST: its positions and what the MLP reads. */
  bst?: { position: 'timeGap' | 'position'; output: 'concat' | 'candidate' };
  time: [number, number];
  control: [number, number];
}

export const MEASURED_COMMAND =
  'npx tsx scripts/lib/run-node.ts scripts/bst.ts --seeds 3 --steps 800 --T 12 --output concat';
export const MEASURED_COMMAND_CANDIDATE = `${MEASURED_COMMAND.replace('concat', 'candidate')} --bst-only`;

export const MEASURED: MeasuredRow[] = [
  { model: 'Base', time: [0.6405, 0.0079], control: [0.633, 0.002] },
  { model: 'DIN', time: [0.6533, 0.0033], control: [0.6352, 0.0022] },
  { model: 'DIEN', time: [0.7148, 0.0088], control: [0.7106, 0.0035] },
  {
    model: 'BST',
    bst: { position: 'position', output: 'concat' },
    time: [0.6727, 0.0195],
    control: [0.6745, 0.0597],
  },
  {
    model: 'BST',
    bst: { position: 'timeGap', output: 'concat' },
    time: [0.678, 0.0524],
    control: [0.6613, 0.0514],
  },
  {
    model: 'BST',
    bst: { position: 'position', output: 'candidate' },
    time: [0.7162, 0.011],
    control: [0.7165, 0.0088],
  },
  {
    model: 'BST',
    bst: { position: 'timeGap', output: 'candidate' },
    time: [0.713, 0.0089],
    control: [0.6596, 0.025],
  },
];

/** "0.6780 ± 0.0524". */
export function meanStdText([mean, std]: [number, number]): string {
  return `${mean.toFixed(4)} ± ${std.toFixed(4)}`;
}
