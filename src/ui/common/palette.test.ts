import { describe, expect, it } from 'vitest';
import { CATEGORY_PALETTE, PATH_COLOR } from './palette';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('palette', () => {
  it('draws the interest paths in colours that are no category’s colour, nor close to one', () => {
    for (const path of Object.values(PATH_COLOR))
      for (const cat of CATEGORY_PALETTE) {
        const [a, b] = [rgb(path), rgb(cat)];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect(distance, `${path} vs ${cat}`).toBeGreaterThan(60);
      }
    expect(PATH_COLOR.gru).not.toBe(PATH_COLOR.evolving);
  });
});
