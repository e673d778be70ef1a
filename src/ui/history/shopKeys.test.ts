import { describe, expect, it } from 'vitest';
import { moveInShop } from './shopKeys';

const ROWS = [3, 1, 2];

describe('moveInShop', () => {
  it('walks in reading order across categories and stops at the ends', () => {
    expect(moveInShop(ROWS, { row: 0, col: 2 }, 'ArrowRight')).toEqual({ row: 1, col: 0 });
    expect(moveInShop(ROWS, { row: 1, col: 0 }, 'ArrowLeft')).toEqual({ row: 0, col: 2 });
    expect(moveInShop(ROWS, { row: 0, col: 0 }, 'ArrowLeft')).toEqual({ row: 0, col: 0 });
    expect(moveInShop(ROWS, { row: 2, col: 1 }, 'ArrowRight')).toEqual({ row: 2, col: 1 });
  });

  it('jumps between categories keeping the column where it exists', () => {
    expect(moveInShop(ROWS, { row: 0, col: 2 }, 'ArrowDown')).toEqual({ row: 1, col: 0 });
    expect(moveInShop(ROWS, { row: 1, col: 0 }, 'ArrowDown')).toEqual({ row: 2, col: 0 });
    expect(moveInShop(ROWS, { row: 2, col: 1 }, 'ArrowUp')).toEqual({ row: 1, col: 0 });
    expect(moveInShop(ROWS, { row: 0, col: 1 }, 'ArrowUp')).toEqual({ row: 0, col: 1 });
  });

  it('goes to the first and last good, and ignores other keys', () => {
    expect(moveInShop(ROWS, { row: 1, col: 0 }, 'Home')).toEqual({ row: 0, col: 0 });
    expect(moveInShop(ROWS, { row: 0, col: 0 }, 'End')).toEqual({ row: 2, col: 1 });
    expect(moveInShop(ROWS, { row: 0, col: 0 }, 'Enter')).toBeNull();
  });
});
