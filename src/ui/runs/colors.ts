/**
 * One colour per overlaid run, none of the models' own (the current run keeps those); the model
 * is told by its dash pattern (MODEL_DASH), so colour is never the only cue.
 */
import { OKABE_ITO } from '../common/palette';

export const RUN_COLORS: readonly string[] = [
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  '#1b1b1f',
  '#8c6d1f',
  OKABE_ITO.grey,
];

/** A run keeps its colour while selected: by its place among the selected runs. */
export function runColor(selected: readonly number[], id: number): string {
  const i = selected.indexOf(id);
  return RUN_COLORS[(i < 0 ? 0 : i) % RUN_COLORS.length];
}
