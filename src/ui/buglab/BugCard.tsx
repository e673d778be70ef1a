/**
 * One switch that is on: what the bug changes (a sentence and the equation), where it shows,
 * what the Node runs measured, and its live cost: each bugged copy's test AUC next to its
 * correct model's, at the same step, with the difference read against the test set's noise.
 */
import { twinKey, type BugEntry, type LabId } from '../../model/bugs';
import type { Progress, ReadyInfo, TwinProbeResult } from '../../train/protocol';
import { fmt } from '../common/format';
import type { ConfigPatch } from '../state/pageReducer';
import { useLang, useText } from '../text/TextContext';
import { bugCost, COST_SE, type Cost } from './cost';
import { LAB_NOTES } from './notes';
import { probeRows } from './probeRows';
import { BUGLAB_STRINGS, type BugLabStrings } from './strings';

const signed = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : ''}${fmt(Math.abs(d), 4)}`;

function reading(c: Cost, w: BugLabStrings): string {
  if (c.kind === 'none') return w.none;
  if (c.kind === 'noise') return w.noise(fmt(COST_SE * c.se, 4));
  return c.kind === 'costs' ? w.costs(fmt(-c.delta, 4)) : w.helps(fmt(c.delta, 4));
}

export function BugCard({
  entry,
  progress,
  info,
  ready,
  probe,
  onExpose,
}: {
  entry: BugEntry<LabId>;
  /** The live probe on the reader's history (null before the first, or without purchases). */
  probe: TwinProbeResult | null;
  progress: Progress | null;
  info: ReadyInfo | null;
  ready: boolean;
  onExpose: (patch: ConfigPatch, label: string) => void;
}) {
  const w = useText(BUGLAB_STRINGS);
  const lang = useLang();
  const note = LAB_NOTES[entry.id];
  const title = entry.title[lang];
  const pos = info?.testPositives ?? (info ? info.testSize / 2 : 0);
  const neg = info?.testNegatives ?? (info ? info.testSize / 2 : 0);
  const test = progress?.test;
  const twins = progress?.twinTest;
  const headId = `lab-card-${entry.id}`;
  return (
    <article className="lab-card" aria-labelledby={headId}>
      <h4 id={headId}>{title}</h4>
      <p>{entry.description[lang]}</p>
      <p className="lab-eq">
        <span className="lab-label">{w.equation}: </span>
        <code>{entry.equation[lang]}</code>
      </p>
      <table className="lab-cost">
        <caption>
          {w.costHeading}
          {progress?.testStep !== undefined ? ` (${w.step(progress.testStep)})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">{w.models}</th>
            <th scope="col">{w.correct}</th>
            <th scope="col">{w.bugged}</th>
            <th scope="col">{w.delta}</th>
            <th scope="col">{w.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {entry.models.map((m) => {
            const correct = test?.[m].auc ?? NaN;
            const bugged = twins?.[twinKey(entry.id, m)]?.auc ?? NaN;
            const cost = bugCost(correct, bugged, pos, neg);
            return (
              <tr key={m}>
                <th scope="row">{w.model[m]}</th>
                <td>{Number.isFinite(correct) ? fmt(correct, 4) : '–'}</td>
                <td>{Number.isFinite(bugged) ? fmt(bugged, 4) : '–'}</td>
                <td>{cost.kind === 'none' ? '–' : signed(cost.delta)}</td>
                <td className={`lab-${cost.kind}`}>{reading(cost, w)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {probe ? (
        <table className="lab-cost lab-probe">
          <caption>{w.probeHeading(probe.step)}</caption>
          <thead>
            <tr>
              <th scope="col">{w.measure}</th>
              <th scope="col">{w.correctShort}</th>
              <th scope="col">{w.buggedShort}</th>
            </tr>
          </thead>
          <tbody>
            {probeRows(entry, probe, w).map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label}</th>
                <td>{r.correct}</td>
                <td>{r.bugged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="caption">{w.probeNone}</p>
      )}
      <p>
        <span className="lab-label">{w.where}: </span>
        {note.shows[lang]} <a href={`#${note.view}`}>{w.goToView}</a>
      </p>
      <p>
        <span className="lab-label">{w.measured}: </span>
        {note.measured[lang]}
      </p>
      {note.expose ? (
        <button
          type="button"
          disabled={!ready}
          onClick={() => onExpose(note.expose!.patch, note.expose!.label[lang])}
        >
          {note.expose.label[lang]}
        </button>
      ) : null}
    </article>
  );
}
