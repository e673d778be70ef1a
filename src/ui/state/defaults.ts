/** The page a plain link opens: the lesson's example on the default world, models and training. */
import { DEFAULT_MODEL_SETTINGS, type TrainSettings } from '../../train/protocol';
import { DEFAULT_WORLD } from '../../world/simulator';
import { idsOf } from '../common/goods';
import { lessonPreset } from '../history/presets';
import type { PageState } from './urlState';

// Test-set evaluation costs about 15 training steps at the default world size: every 50 steps.
export const DEFAULT_TRAIN: TrainSettings = {
  batchSize: 64,
  learningRate: 0.005,
  seed: 1,
  evalEvery: 50,
};

const LESSON = lessonPreset();

export const DEFAULT_PAGE: PageState = {
  history: LESSON.history,
  candidate: LESSON.candidate,
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: DEFAULT_TRAIN,
  speed: 5,
  lang: 'en',
};

/** The DIN-versus-DIEN comparison starts with "this week keyboards, last week basketball shoes". */
const [KEYBOARD, BASKETBALL_SHOES] = idsOf(['keyboard', 'basketball shoes']);
export const DEFAULT_COMPARE = { current: KEYBOARD, old: BASKETBALL_SHOES };
