/** The history presets of the lesson, and a random shopper from the simulated world. */
import { simulateWorld } from '../../world/simulator';
import type { WorldConfig } from '../../world/types';
import { idsOf } from '../common/goods';

export interface Preset {
  history: number[];
  candidate: number;
}

/** Lesson 21's example: candidate keyboard; history mouse, T-shirt, face wash. */
export function lessonPreset(): Preset {
  return { history: idsOf(['mouse', 'T-shirt', 'face wash']), candidate: idsOf(['keyboard'])[0] };
}

/** "Last week basketball shoes, this week keyboards": an old sports phase, then electronics. */
export function interestShiftPreset(): Preset {
  return {
    history: idsOf([
      'basketball shoes',
      'basketball',
      'basketball shoes',
      'football',
      'mouse',
      'headset',
      'monitor',
    ]),
    candidate: idsOf(['keyboard'])[0],
  };
}

/** A shopper of the current world: all but the last purchase as history, the last as candidate (a real positive). */
export function randomShopperPreset(world: WorldConfig, pick: number): Preset | null {
  // A small copy of the world is enough: shopper s does not depend on how many shoppers there are.
  const small = simulateWorld({ ...world, shoppers: Math.min(world.shoppers, 200) });
  if (small.shoppers.length === 0) return null;
  const s = small.shoppers[Math.floor(pick * small.shoppers.length) % small.shoppers.length];
  if (s.purchases.length < 2) return null;
  return { history: s.purchases.slice(0, -1), candidate: s.purchases[s.purchases.length - 1] };
}
