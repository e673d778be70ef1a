/**
 * Every good's embedding (item ⊕ category ⊕ shop) in one model, in a frozen 2-D PCA projection,
 * coloured by category. The projection is fitted once and kept while training runs, so goods
 * drifting into clusters is the model learning, not the picture being re-fitted.
 */
import { useState, memo } from 'react';
import { scaleLinear } from 'd3-scale';
import type { EmbeddingsResult, ModelName } from '../../train/protocol';
import { fmt } from '../common/format';
import { useGoodNames } from '../common/goods';
import { useStrings } from '../text/TextContext';
import { categoryColor, MODELS } from '../common/palette';
import { project, snappedExtent } from './projection';
import { CategoryLegend, ProjectionNote, type FittedProjection } from './ProjectionNote';
import { TableAlternative } from '../common/TableAlternative';

const W = 420;
const H = 360;
const PAD = 18;

export const EmbeddingMap = memo(function EmbeddingMap({
  embeddings,
  model,
  onModel,
  fitted,
  onRefit,
}: {
  embeddings: EmbeddingsResult | null;
  model: ModelName;
  onModel: (m: ModelName) => void;
  fitted: FittedProjection | null;
  onRefit: (model: ModelName) => void;
}) {
  const t = useStrings();
  const names = useGoodNames();
  const [hover, setHover] = useState<number | null>(null);
  const picker = (
    <label className="map-model">
      <span>{t.mapModel}</span>
      <select value={model} onChange={(e) => onModel(e.target.value as ModelName)}>
        {MODELS.map((m) => (
          <option key={m} value={m}>
            {t.modelNames[m]}
          </option>
        ))}
      </select>
    </label>
  );
  const vectors = embeddings?.vectors[model];
  if (!embeddings || !vectors || !fitted || vectors[0]?.length !== fitted.projection.center.length)
    return (
      <div className="embedding-map">
        {picker}
        <p className="loading">{t.loading}</p>
      </div>
    );
  const pts = embeddings.goods.map((g, i) => ({
    g,
    cat: names.good(g)?.category ?? 0,
    p: project(vectors[i], fitted.projection),
  }));
  const r = snappedExtent(pts.map((x) => x.p));
  const sx = scaleLinear()
    .domain([-r, r])
    .range([PAD, W - PAD]);
  const sy = scaleLinear()
    .domain([-r, r])
    .range([H - PAD, PAD]);
  // Text alternative: how tight each category is (mean distance to its centre), from the 2-D map.
  const spread = Array.from({ length: 8 }, (_, c) => {
    const mine = pts.filter((x) => x.cat === c + 1).map((x) => x.p);
    if (mine.length === 0) return NaN;
    const cx = mine.reduce((s, p) => s + p[0], 0) / mine.length;
    const cy = mine.reduce((s, p) => s + p[1], 0) / mine.length;
    return mine.reduce((s, p) => s + Math.hypot(p[0] - cx, p[1] - cy), 0) / mine.length;
  });
  const shown = hover !== null ? pts[hover] : null;
  return (
    <div className="embedding-map">
      {picker}
      <figure className="trajectory map">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={t.mapLabel(t.modelNames[model], embeddings.step, pts.length)}
          onMouseLeave={() => setHover(null)}
        >
          <line className="axis0" x1={sx(-r)} x2={sx(r)} y1={sy(0)} y2={sy(0)} />
          <line className="axis0" x1={sx(0)} x2={sx(0)} y1={sy(-r)} y2={sy(r)} />
          {pts.map(({ g, cat, p }, i) => (
            <g
              key={g}
              className="map-point"
              style={{ transform: `translate(${sx(p[0])}px, ${sy(p[1])}px)` }}
              onMouseEnter={() => setHover(i)}
            >
              <circle r={6} fill={categoryColor(cat)} stroke="#222" strokeWidth={0.8} />
              <title>{`${names.name(g)} (${names.category(cat)})`}</title>
            </g>
          ))}
          {shown && (
            <g className="tooltip">
              <rect x={6} y={6} width={W - 12} height={22} rx={4} />
              <text x={12} y={21}>
                {`${names.label(shown.g)} · ${names.category(shown.cat)} · (${fmt(shown.p[0], 2)}, ${fmt(shown.p[1], 2)})`}
              </text>
            </g>
          )}
        </svg>
      </figure>
      <CategoryLegend />
      <ProjectionNote fitted={fitted} onRefit={() => onRefit(model)} label={t.refitMapProjection} />
      <TableAlternative summary={t.showTable} caption={t.mapSpreadCaption}>
        <thead>
          <tr>
            <th scope="col">{t.category}</th>
            <th scope="col">{t.mapSpread}</th>
            <th scope="col">{t.goodsCol}</th>
          </tr>
        </thead>
        <tbody>
          {spread.map((s, c) => (
            <tr key={c}>
              <th scope="row">{names.category(c + 1)}</th>
              <td className="num">{fmt(s, 2)}</td>
              <td>
                {pts
                  .filter((x) => x.cat === c + 1)
                  .map((x) => `${names.name(x.g)} (${fmt(x.p[0], 2)}, ${fmt(x.p[1], 2)})`)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </TableAlternative>
    </div>
  );
});
