/**
 * The training column: Step / Play / Reset and the counters, the rewind scrubber, the three
 * model cards and the settings. Every reset (the button, a changed setting) is the page's one
 * reset action; useTrainer sends it to the worker.
 */
import { useCallback, useState } from 'react';
import { fitBudget } from '../../data/budget';
import type { Notice, Scored } from '../state/types';
import { patched, type ConfigPatch, type PageActions, type PageModel } from '../state/pageReducer';
import { URL_WORDS } from '../text/urlWords';
import { useLang, useStrings, useText } from '../text/TextContext';
import { RUNS_STRINGS } from '../runs/strings';
import { ModelCards } from './ModelCards';
import { replayedStep, shownMetrics } from './shownMetrics';
import { Rewind } from './Rewind';
import { Settings } from './Settings';
import { TrainingControls } from './TrainingControls';
import { busyPhase, stillOpen, type StepRequest } from './busy';
import type { BackendChoice } from './useBackendChoice';
import type { Trainer } from './useTrainer';

export function TrainingPanel({
  trainer,
  page,
  act,
  scored,
  say,
  backends,
  currentRun = null,
}: {
  trainer: Trainer;
  /** The reader's backend choice: a switch holds the buttons until the new worker is ready. */
  backends: BackendChoice;
  page: Pick<PageModel, 'config' | 'speed' | 'atStep'>;
  act: PageActions;
  /** The current score (the cards' CTRs, the step the views show). */
  scored: Scored | null;
  say: (level: Notice['level'], message: string) => void;
  /** The run training now (its id names it: Run 1…): a setting change keeps it in Runs. */
  currentRun?: number | null;
}) {
  const runWords = useText(RUNS_STRINGS);
  // Said where the change was made: which setting, and under which name the old run is kept.
  const [changed, setChanged] = useState<{ what: string; run: number | null } | null>(null);
  const t = useStrings();
  const lang = useLang();
  const { client, ready, progress, info } = trainer;
  const { config, speed, atStep } = page;
  const playing = progress?.playing ?? false;
  const canAct = ready && !backends.switching;
  // The steps asked for and not yet all shown: what the busy line and the epoch bar follow.
  const [asked, setRequest] = useState<StepRequest | null>(null);
  const request = stillOpen(asked, progress);
  const stepsPerEpoch = Math.max(
    1,
    Math.ceil((info?.trainSize ?? 0) / Math.max(1, config.train.batchSize)),
  );
  const busy = busyPhase({
    ready,
    switching: backends.switching,
    choice: backends.choice,
    backend: info?.backend.name,
    progress,
    request,
    measured: backends.warm,
  });
  // Stable handlers: the memoised controls then re-render only when progress changes.
  const onSpeed = useCallback(
    (s: number) => {
      act.speed(s);
      if (playing) client?.play(s);
    },
    [act, playing, client],
  );
  const step = progress?.step ?? 0;
  const version = progress?.version ?? 0;
  const onStep = useCallback(
    (n: number) => {
      act.rewind(null);
      setRequest({ from: step, to: step + n, epoch: n === stepsPerEpoch && n > 10, version });
      client?.step(n);
    },
    [act, client, step, stepsPerEpoch, version],
  );
  const onPlay = useCallback(() => {
    act.rewind(null);
    setRequest({ from: step, to: Infinity, epoch: false, version });
    client?.play(speed);
  }, [act, client, speed, step, version]);
  const onPause = useCallback(() => {
    setRequest(null);
    client?.pause();
  }, [client]);
  const onReset = useCallback(() => act.reset(), [act]);
  const onSettings = useCallback(
    (patch: ConfigPatch, what: string) => {
      act.reset(patch);
      setChanged({ what, run: currentRun });
      // The reducer keeps the settings within the budgets: say what a cap changed.
      const words = URL_WORDS[lang];
      for (const cap of fitBudget(patched(config, patch)).caps) say('warning', words.budget(cap));
    },
    [act, say, config, lang, currentRun],
  );
  return (
    <aside className="side" aria-label={t.training}>
      <section className="panel" aria-labelledby="training-h">
        <h2 id="training-h" tabIndex={-1}>
          {t.training}
        </h2>
        <TrainingControls
          ready={canAct}
          busy={busy}
          stoppable={playing || request !== null}
          progress={progress}
          stepsPerEpoch={stepsPerEpoch}
          speed={speed}
          onSpeed={onSpeed}
          onStep={onStep}
          onPlay={onPlay}
          onPause={onPause}
          onReset={onReset}
          info={info}
        />
      </section>
      <section className="panel">
        <Rewind
          snapshots={trainer.snapshots}
          liveStep={progress?.step ?? 0}
          atStep={atStep}
          shownStep={scored?.result.step ?? null}
          onRewind={act.rewind}
        />
      </section>
      <section className="panel" aria-labelledby="models-h">
        <h2 id="models-h">{t.models}</h2>
        <ModelCards
          ready={ready}
          scored={scored}
          shown={shownMetrics(trainer.curves, progress, replayedStep(trainer.snapshots, atStep))}
          liveStep={progress?.step ?? 0}
          alpha={config.model.auxWeight}
          bstOn={config.bst !== undefined}
        />
      </section>
      <details className="panel settings-panel">
        <summary>{t.settings}</summary>
        <Settings
          world={config.world}
          model={config.model}
          train={config.train}
          bst={config.bst}
          fileName={config.data?.name}
          onChange={onSettings}
        />
        <p role="status" className="settings-note">
          {changed
            ? changed.run === null
              ? t.resetSaid(changed.what)
              : runWords.keptNote(changed.what, runWords.runName(changed.run))
            : ''}
        </p>
      </details>
    </aside>
  );
}
