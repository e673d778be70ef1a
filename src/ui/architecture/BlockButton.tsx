/**
 * One block of a diagram: a button named by the block that opens its detailed view, and a card
 * on hover or focus with what it computes and its equation. The card is the button's
 * description (read even while hidden), stays open while the pointer is over it, and Escape
 * dismisses it (WCAG 1.4.13).
 */
import { useState } from 'react';
import type { Rect } from './layout';

const CARD_W = 260;

export function BlockButton({
  cardId,
  kind,
  name,
  rect,
  canvasWidth,
  does,
  equation,
  hint,
  onPress,
}: {
  cardId: string;
  kind: string;
  name: string;
  rect: Rect;
  canvasWidth: number;
  does: string;
  equation: string;
  hint: string;
  onPress: () => void;
}) {
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hover || focus) && !dismissed;
  const cardW = Math.min(CARD_W, canvasWidth - 16);
  // Shifted left when the block is near the right edge, so the card stays inside the diagram.
  const cardLeft = Math.min(0, canvasWidth - 8 - rect.x - cardW);
  return (
    <div
      className={`arch-block-wrap arch-${kind}`}
      style={{ left: rect.x, top: rect.y, width: rect.w, height: rect.h }}
      onMouseEnter={() => {
        setHover(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHover(false)}
    >
      <button
        type="button"
        className="arch-block"
        aria-describedby={cardId}
        onClick={onPress}
        onFocus={() => {
          setFocus(true);
          setDismissed(false);
        }}
        onBlur={() => setFocus(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        <span className="arch-block-name">{name}</span>
      </button>
      <div
        role="tooltip"
        id={cardId}
        className="arch-card"
        hidden={!open}
        style={{ left: cardLeft, width: cardW }}
      >
        <span className="arch-card-does">{does}</span>{' '}
        <code className="arch-card-eq">{equation}</code>{' '}
        <span className="arch-card-hint">{hint}</span>
      </div>
    </div>
  );
}
