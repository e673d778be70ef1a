/**
 * The bug lab: a switch per pitfall of public DIN/DIEN code and per authors'-code preset; each
 * switch on trains bugged copies next to the correct models (the worker's twins, in lockstep) and
 * gets a card with its equation, the view where it shows, what the Node runs measured, and its
 * live cost on the test set.
 */
import { memo, useState } from 'react';
import {
  BUGS,
  BUG_PRESETS,
  MAX_LAB_ENTRIES,
  labConflicts,
  labEntry,
  type BugEntry,
  type LabId,
} from '../../model/bugs';
import type { Progress, ReadyInfo, SessionConfig, TwinProbeResult } from '../../train/protocol';
import { RUNS_STRINGS } from '../runs/strings';
import type { ConfigPatch } from '../state/pageReducer';
import { useLang, useText } from '../text/TextContext';
import { BugCard } from './BugCard';
import { BUGLAB_STRINGS } from './strings';
import './bugLab.css';

export const BugLab = memo(function BugLab({
  config,
  progress,
  info,
  ready,
  currentRun,
  probe,
  onChange,
}: {
  config: SessionConfig;
  /** The live probe of the twins on the reader's history. */
  probe: TwinProbeResult | null;
  progress: Progress | null;
  info: ReadyInfo | null;
  ready: boolean;
  /** The run training now: a switch keeps it in Runs under its name. */
  currentRun: number | null;
  /** A new run with these settings; `what` names the change. */
  onChange: (patch: ConfigPatch) => void;
}) {
  const w = useText(BUGLAB_STRINGS);
  const runWords = useText(RUNS_STRINGS);
  const lang = useLang();
  const on = config.bugLab ?? [];
  const [kept, setKept] = useState<string | null>(null);
  const change = (patch: ConfigPatch, what: string) => {
    onChange(patch);
    setKept(currentRun !== null ? runWords.keptNote(what, runWords.runName(currentRun)) : null);
  };
  const toggle = (id: LabId) => {
    const next = on.includes(id) ? on.filter((x) => x !== id) : [...on, id];
    change({ bugLab: next }, labEntry(id)!.title[lang]);
  };

  const row = (e: BugEntry<LabId>) => {
    const checked = on.includes(e.id);
    const needs = labConflicts(e, config.model);
    const full = !checked && on.length >= MAX_LAB_ENTRIES;
    const noteId = `lab-note-${e.id}`;
    const note =
      needs.length > 0 ? w.needs(needs.map((k) => w.settingWords[k] ?? k).join(', ')) : null;
    const described = [note ? noteId : '', full ? 'lab-full' : ''].filter(Boolean).join(' ');
    return (
      <li key={e.id} className="lab-switch">
        <label>
          <input
            type="checkbox"
            checked={checked}
            disabled={!ready || (!checked && (full || needs.length > 0))}
            aria-describedby={described || undefined}
            onChange={() => toggle(e.id)}
          />
          {e.pitfall > 0 ? <span className="lab-num">{e.pitfall}</span> : null}
          {e.title[lang]}
        </label>
        {note ? (
          <span id={noteId} className="lab-note">
            {note}
          </span>
        ) : null}
        {needs.length > 0 && e.settings?.activation ? (
          <button
            type="button"
            disabled={!ready}
            onClick={() => change({ model: { activation: e.settings!.activation } }, w.useDice)}
          >
            {w.useDice}
          </button>
        ) : null}
      </li>
    );
  };

  return (
    <section className="bug-lab" aria-labelledby="buglab-h">
      <h3 id="buglab-h">{w.heading}</h3>
      <p className="caption">{w.intro}</p>
      {on.length >= MAX_LAB_ENTRIES ? (
        <p id="lab-full" className="lab-note">
          {w.full(MAX_LAB_ENTRIES)}
        </p>
      ) : null}
      <div className="lab-switches">
        <fieldset>
          <legend>{w.pitfalls}</legend>
          <ul>{BUGS.map(row)}</ul>
        </fieldset>
        <fieldset>
          <legend>{w.presets}</legend>
          <ul>{BUG_PRESETS.map(row)}</ul>
        </fieldset>
      </div>
      <p role="status" className="lab-kept">
        {kept}
      </p>
      {on.map((id) => (
        <BugCard
          key={id}
          entry={labEntry(id)!}
          progress={progress}
          info={info}
          ready={ready}
          probe={probe}
          onExpose={(patch, label) => change(patch, label)}
        />
      ))}
    </section>
  );
});
