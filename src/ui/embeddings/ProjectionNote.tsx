/**
 * What the two projected views (interest trajectories, embedding map) share: the frozen
 * projection they draw in, the note that says when it was fitted (with its refit button), and
 * the category legend.
 */
import { useGoodNames } from '../common/goods';
import { categoryColor } from '../common/palette';
import { useStrings } from '../text/TextContext';
import type { Projection } from './projection';

export interface FittedProjection {
  projection: Projection;
  /** The training step whose embeddings it was fitted on. */
  step: number;
}

export function CategoryLegend() {
  const t = useStrings();
  const names = useGoodNames();
  const ids = Array.from({ length: 8 }, (_, i) => i + 1);
  return (
    <ul className="legend-list category-legend" aria-label={t.categoriesLegend}>
      {ids.map((c) => (
        <li key={c}>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill={categoryColor(c)} stroke="#333" strokeWidth="0.8" />
          </svg>
          {names.category(c)}
        </li>
      ))}
    </ul>
  );
}

export function ProjectionNote({
  fitted,
  onRefit,
  label,
}: {
  fitted: FittedProjection | null;
  onRefit: () => void;
  label: string;
}) {
  const t = useStrings();
  return (
    <div className="projection-note">
      <p className="hint">
        {fitted
          ? t.projectionFrozen(
              fitted.step,
              fitted.projection.explained
                ? Math.round(
                    100 * (fitted.projection.explained[0] + fitted.projection.explained[1]),
                  )
                : null,
            )
          : t.loading}
      </p>
      <button type="button" onClick={onRefit} disabled={!fitted}>
        {label}
      </button>
    </div>
  );
}
