/**
 * The history presets of the lesson and a random shopper from the simulated world; on an
 * imported file, its users instead (the lesson's goods are not in it).
 */
import type { ImportedWorld } from '../../data/import/types';
import { simulateWorld } from '../../world/simulator';
import type { WorldConfig } from '../../world/types';
import { idsOf } from '../common/goods';

export interface Preset {
  history: number[];
  candidate: number;
  /** When each history purchase happened, in days (NaN: unknown); absent: no times. */
  times?: number[];
  /** When the candidate is shown, on the same clock as `times` (absent: the last purchase's). */
  candidateTime?: number;
}

/** All but the last event as history, the last as the candidate, each with its time if known. */
function lastAsCandidate(purchases: number[], times: number[] | undefined): Preset {
  const n = purchases.length;
  const preset: Preset = { history: purchases.slice(0, -1), candidate: purchases[n - 1] };
  if (times && times.length === n) {
    preset.times = times.slice(0, -1);
    preset.candidateTime = times[n - 1];
  }
  return preset;
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
  // Every simulated shopper has times, also where they carry no signal (timeSignal 0): the data
  // set's samples carry them there too, so BST's time-gap positions were trained on them.
  return lastAsCandidate(s.purchases, s.times);
}

/** A user of the file (all but the last event as history, the last as candidate), or null. */
export function fileUserPreset(world: ImportedWorld, pick: number): Preset | null {
  const users = world.shoppers.filter((s) => s.purchases.length >= 2);
  if (users.length === 0) return null;
  const s = users[Math.floor(pick * users.length) % users.length];
  return lastAsCandidate(s.purchases, s.times);
}

/** The file's user with the longest history (the first such): where a new import starts. */
export function longestFileUser(world: ImportedWorld): Preset | null {
  let best: ImportedWorld['shoppers'][number] | undefined;
  for (const s of world.shoppers) if (!best || s.purchases.length > best.purchases.length) best = s;
  if (!best || best.purchases.length < 2) return null;
  return lastAsCandidate(best.purchases, best.times);
}

/**
 * The DIN-versus-DIEN comparison's two goods on a file: the start's candidate (its next event)
 * against the oldest purchase of its history that differs from it.
 */
export function fileCompare(start: Preset): { current: number; old: number } {
  const old = start.history.find((g) => g !== start.candidate) ?? (start.candidate === 1 ? 2 : 1);
  return { current: start.candidate, old };
}
