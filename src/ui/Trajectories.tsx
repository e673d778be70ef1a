/**
 * DIEN's interest trajectories: GRU states h_t and AUGRU states h′_t of this history as two
 * paths in a fixed 2-D projection; h′(T) ringed.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { fmt } from './format';
import { goodName } from './goods';
import type { Strings } from './i18n';
import { OKABE_ITO } from './palette';
import { fixedBasis, project } from './projection';
import type { Scored } from './useTrainer';

const W = 360;
const H = 280;
const PAD = 24;

export function Trajectories({ scored, t }: { scored: Scored | null; t: Strings }) {
  if (!scored || scored.result.dien.gruStates.length === 0)
    return <p className="loading">{t.loading}</p>;
  const { result } = scored;
  const gru = result.dien.gruStates;
  const evo = result.dien.evolvingStates;
  const dim = gru[0].length;
  const basis = fixedBasis(dim);
  const pg = gru.map((v) => project(v, basis));
  const pe = evo.map((v) => project(v, basis));
  let extentMax = 0;
  for (const [x, y] of [...pg, ...pe]) extentMax = Math.max(extentMax, Math.abs(x), Math.abs(y));
  // The frame snaps to powers of two so it stays put while points move (a jumpy frame would fake motion).
  const r = 2 ** Math.ceil(Math.log2(Math.max(extentMax, 0.125) * 1.05));
  const sx = scaleLinear()
    .domain([-r, r])
    .range([PAD, W - PAD]);
  const sy = scaleLinear()
    .domain([-r, r])
    .range([H - PAD, PAD]);
  const path = line<[number, number]>()
    .x(([x]) => sx(x))
    .y(([, y]) => sy(y));
  const names = result.kept.map((h) => goodName(result.history[h]));
  const last = pe[pe.length - 1];
  return (
    <figure className="trajectory">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${t.trajectory}: ${names.length} points per path; h′(T) at (${fmt(last[0], 2)}, ${fmt(last[1], 2)})`}
      >
        <line className="axis0" x1={sx(-r)} x2={sx(r)} y1={sy(0)} y2={sy(0)} />
        <line className="axis0" x1={sx(0)} x2={sx(0)} y1={sy(-r)} y2={sy(r)} />
        <path
          d={path(pg) ?? ''}
          fill="none"
          stroke={OKABE_ITO.orange}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
        <path d={path(pe) ?? ''} fill="none" stroke={OKABE_ITO.blue} strokeWidth={2} />
        {pg.map(([x, y], i) => (
          <g key={`g${i}`}>
            <circle cx={sx(x)} cy={sy(y)} r={4} fill={OKABE_ITO.orange}>
              <title>{`h_${i + 1}: ${names[i]}`}</title>
            </circle>
            <text className="point-label" x={sx(x) + 6} y={sy(y) - 6}>
              {i + 1}
            </text>
          </g>
        ))}
        {pe.map(([x, y], i) => (
          <rect
            key={`e${i}`}
            x={sx(x) - 4}
            y={sy(y) - 4}
            width={8}
            height={8}
            fill={OKABE_ITO.blue}
          >
            <title>{`h′_${i + 1}: ${names[i]}`}</title>
          </rect>
        ))}
        {last && (
          <circle
            cx={sx(last[0])}
            cy={sy(last[1])}
            r={10}
            fill="none"
            stroke="#000"
            strokeWidth={2}
          />
        )}
      </svg>
      <figcaption>
        <span className="key key-gru">● {t.gruPath}</span>{' '}
        <span className="key key-augru">■ {t.augruPath}</span>
      </figcaption>
      <details>
        <summary>{t.showTable}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">t</th>
                <th scope="col">{t.behavior}</th>
                <th scope="col">{t.gruPath} (x, y)</th>
                <th scope="col">{t.augruPath} (x, y)</th>
              </tr>
            </thead>
            <tbody>
              {names.map((n, i) => (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">{n}</th>
                  <td className="num">
                    {fmt(pg[i][0], 2)}, {fmt(pg[i][1], 2)}
                  </td>
                  <td className="num">
                    {fmt(pe[i]?.[0], 2)}, {fmt(pe[i]?.[1], 2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
