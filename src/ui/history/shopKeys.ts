/**
 * Arrow-key moves inside the shop, one tab stop for all its goods (a roving tabindex): ←/→ walk
 * the goods in reading order across categories, ↑/↓ jump to the same place in the category
 * above or below (or its last good), Home/End go to the first/last good.
 */

/** Where a good sits: its category's row and its place in that row. */
export interface Cell {
  row: number;
  col: number;
}

/** `rows[r]` is the number of goods in category r. Returns the new cell, or null for other keys. */
export function moveInShop(rows: readonly number[], at: Cell, key: string): Cell | null {
  const last = rows.length - 1;
  switch (key) {
    case 'ArrowRight':
      if (at.col + 1 < rows[at.row]) return { row: at.row, col: at.col + 1 };
      return at.row < last ? { row: at.row + 1, col: 0 } : at;
    case 'ArrowLeft':
      if (at.col > 0) return { row: at.row, col: at.col - 1 };
      return at.row > 0 ? { row: at.row - 1, col: rows[at.row - 1] - 1 } : at;
    case 'ArrowDown':
      return at.row < last ? { row: at.row + 1, col: Math.min(at.col, rows[at.row + 1] - 1) } : at;
    case 'ArrowUp':
      return at.row > 0 ? { row: at.row - 1, col: Math.min(at.col, rows[at.row - 1] - 1) } : at;
    case 'Home':
      return { row: 0, col: 0 };
    case 'End':
      return { row: last, col: rows[last] - 1 };
    default:
      return null;
  }
}
