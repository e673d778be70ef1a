/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies). Models also differ by
 * dash pattern in the curves, so colour is never the only cue.
 */
import type { ModelName } from '../../train/protocol';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#666666',
} as const;

export const MODEL_COLOR: Record<ModelName, string> = {
  base: OKABE_ITO.orange,
  din: OKABE_ITO.blue,
  dien: OKABE_ITO.purple,
};

export const MODEL_DASH: Record<ModelName, string> = {
  base: '6 3',
  din: '',
  dien: '2 2',
};

const CATEGORY_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.purple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.yellow,
  OKABE_ITO.grey,
];

/**
 * DIEN's two interest paths drawn over the category-coloured goods: ink and a deep violet, none
 * of the category colours (a test checks), and told apart by dash and marker shape as well.
 */
export const PATH_COLOR = {
  gru: '#1b1b1f',
  evolving: '#6a3d9a',
} as const;

/** Every category colour, in category order (for legends and tests). */
export const CATEGORY_PALETTE: readonly string[] = CATEGORY_COLORS;

/** Category ids are 1-based. */
export function categoryColor(category: number): string {
  return CATEGORY_COLORS[(category - 1) % CATEGORY_COLORS.length];
}

/** The three models in display order. */
export const MODELS: readonly ModelName[] = ['base', 'din', 'dien'];
