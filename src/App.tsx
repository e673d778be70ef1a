/**
 * The explainer page: one shopper's history, three models training in a worker, and the views
 * of what they learn, in the lesson's order. State that a reader may want to share (history,
 * candidate, settings, seeds) lives in the URL.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useState } from 'react';
import type { EmbeddingsResult } from './train/page/client';
// config.ts is plain data (no tfjs); only its defaults are used here, never the model code.
import { DEFAULT_MODEL_SETTINGS } from './model/config';
import type {
  ModelName,
  ModelSettings,
  SessionConfig,
  TrainSettings,
  WorldConfig,
} from './train/protocol';
import { DEFAULT_WORLD } from './world/simulator';
import { ActivationUnit } from './ui/din/ActivationUnit';
import { AttentionTable } from './ui/history/AttentionTable';
import { AuxLoss } from './ui/dien/AuxLoss';
import { DienGates } from './ui/dien/DienGates';
import { EmbeddingMap } from './ui/embeddings/EmbeddingMap';
import { goodName, GOODS, idsOf } from './ui/common/goods';
import { Heatmap } from './ui/din/Heatmap';
import { HistoryEditor } from './ui/history/HistoryEditor';
import { goodsOf, historyReducer, initHistory } from './ui/state/historyReducer';
import { STRINGS } from './ui/text/i18n';
import { TextProvider } from './ui/text/TextContext';
import { ModelCards } from './ui/training/ModelCards';
import { Notices } from './ui/common/Notices';
import { PoolingView } from './ui/din/PoolingView';
import {
  interestShiftPreset,
  lessonPreset,
  randomShopperPreset,
  type Preset,
} from './ui/history/presets';
import { ResultsTable } from './ui/training/ResultsTable';
import { Settings } from './ui/training/Settings';
import { CandidatePicker, Shop } from './ui/history/Shop';
import { Story } from './ui/common/Story';
import { TrainingControls } from './ui/training/TrainingControls';
import { TrainingCurves } from './ui/training/TrainingCurves';
import { MODELS } from './ui/common/palette';
import { keepOrFit, pcaBasis } from './ui/embeddings/projection';
import { Rewind } from './ui/training/Rewind';
import { ShiftCompare, type CompareData } from './ui/dien/ShiftCompare';
import { Trajectories, type FittedProjection } from './ui/dien/Trajectories';
import { parseUrlState, serializeUrlState, type Lang, type PageState } from './ui/state/urlState';
import { useRequest } from './ui/common/useRequest';
import { useScores } from './ui/training/useScores';
import { useTrainer } from './ui/training/useTrainer';

// Test-set evaluation costs about 15 training steps at the default world size: every 50 steps.
const DEFAULT_TRAIN: TrainSettings = { batchSize: 64, learningRate: 0.005, seed: 1, evalEvery: 50 };

const LESSON = lessonPreset();
const [KEYBOARD, BASKETBALL_SHOES] = idsOf(['keyboard', 'basketball shoes']);

type Fitted = Record<ModelName, FittedProjection | null> & { generation: number };
const NO_FIT: Fitted = { base: null, din: null, dien: null, generation: -1 };

export const DEFAULT_PAGE: PageState = {
  history: LESSON.history,
  candidate: LESSON.candidate,
  world: DEFAULT_WORLD,
  model: DEFAULT_MODEL_SETTINGS,
  train: DEFAULT_TRAIN,
  speed: 5,
  lang: 'en',
};

// Read once, before the first render, so the first paint already shows the linked state.
const INITIAL = parseUrlState(window.location.search, DEFAULT_PAGE, GOODS.length);

interface Config {
  world: WorldConfig;
  model: ModelSettings;
  train: TrainSettings;
}

export function App() {
  const [config, setConfig] = useState<Config>({
    world: INITIAL.state.world,
    model: INITIAL.state.model,
    train: INITIAL.state.train,
  });
  const [speed, setSpeed] = useState(INITIAL.state.speed);
  const [lang, setLang] = useState<Lang>(INITIAL.state.lang);
  const [history, dispatch] = useReducer(historyReducer, INITIAL.state.history, initHistory);
  const [candidate, setCandidate] = useState(INITIAL.state.candidate);
  const [inspected, setInspected] = useState<number | null>(null);
  // Rewind: the snapshot step the views replay (null = live weights).
  const [atStep, setAtStep] = useState<number | null>(null);
  // Bumped whenever training restarts with new weights: the frozen projections are refitted then.
  const [generation, setGeneration] = useState(0);
  const [fitted, setFitted] = useState<Fitted>(NO_FIT);
  const [mapModel, setMapModel] = useState<ModelName>('dien');
  const [cmpCurrent, setCmpCurrent] = useState(KEYBOARD);
  const [cmpOld, setCmpOld] = useState(BASKETBALL_SHOES);
  const t = STRINGS[lang];

  const session: SessionConfig = useMemo(
    () => ({ world: config.world, model: config.model, train: config.train }),
    [config],
  );
  const trainer = useTrainer(session, INITIAL.state.backend);
  const { client, ready, progress, say } = trainer;

  const goods = goodsOf(history);
  const uids = history.entries.map((e) => e.uid);
  const { current, previous, heatmap, heatmapError } = useScores(
    trainer,
    goods,
    uids,
    candidate,
    atStep,
  );
  // The views below the history (pooling, activation unit, gates, trajectories, aux loss) follow
  // a deferred copy of the score: the reply's first, synchronous render updates only the strip,
  // the table and the model cards, and React renders the rest right after in interruptible slices,
  // so no single main-thread task has to redo every view at once.
  const lower = useDeferredValue(current);
  const live = atStep === null;
  const at = atStep ?? undefined;
  // While rewound nothing changes with training: no need to re-request on progress.
  const tick = live ? progress : atStep;

  // Every good's embedding per model (embedding map, trajectory context); the projections are
  // fitted on the first reply after (re)start and then frozen until the reader refits them.
  const embeddings = useRequest<EmbeddingsResult>(
    ready && client !== null,
    `${atStep}|${generation}`,
    () => client!.embeddings(at),
    tick,
    1500,
    (emb) =>
      setFitted((prev) => {
        const next: Fitted = { ...prev, generation };
        let changed = prev.generation !== generation;
        for (const m of MODELS) {
          const old = prev.generation === generation ? prev[m] : null;
          const p = keepOrFit(old?.projection ?? null, emb.vectors[m]);
          if (p !== (old?.projection ?? null)) changed = true;
          next[m] =
            p === null ? null : p === old?.projection ? old : { projection: p, step: emb.step };
        }
        return changed ? next : prev;
      }),
  ).value;
  const refit = useCallback(
    (m: ModelName) => {
      if (!embeddings) return;
      setFitted((prev) => ({
        ...prev,
        [m]: { projection: pcaBasis(embeddings.vectors[m]), step: embeddings.step },
      }));
    },
    [embeddings],
  );
  const refitDien = useCallback(() => refit('dien'), [refit]);
  const refitMap = useCallback(() => refit(mapModel), [refit, mapModel]);
  const addGood = useCallback((g: number) => dispatch({ type: 'add', good: g }), []);

  // DIN versus DIEN: the same history scored for a current-interest and an old-interest candidate.
  const compare = useRequest<CompareData>(
    ready && client !== null,
    `${goods.join()}|${cmpCurrent}|${cmpOld}|${atStep}|${generation}`,
    async () => {
      const [a, b] = await Promise.all([
        client!.score(goods, cmpCurrent, at),
        client!.score(goods, cmpOld, at),
      ]);
      return { current: a, old: b };
    },
    tick,
    2000,
  ).value;

  // Tell the reader once what of the link could not be used.
  useEffect(() => {
    if (INITIAL.problems.length > 0)
      say('warning', STRINGS[INITIAL.state.lang].urlProblems(INITIAL.problems.join('; ')));
  }, [say]);

  // The URL follows the state (replaceState: editing should not flood the back button).
  const search = serializeUrlState(
    {
      history: goods,
      candidate,
      world: config.world,
      model: config.model,
      train: config.train,
      speed,
      lang,
      backend: INITIAL.state.backend,
    },
    DEFAULT_PAGE,
  );
  useEffect(() => {
    if (search === window.location.search) return;
    const t0 = setTimeout(
      () =>
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${search}${window.location.hash}`,
        ),
      50,
    );
    return () => clearTimeout(t0);
  }, [search]);

  const changeSettings = useCallback(
    (
      patch: {
        world?: Partial<WorldConfig>;
        model?: Partial<ModelSettings>;
        train?: Partial<TrainSettings>;
      },
      what: string,
    ) => {
      setConfig((c) => ({
        world: { ...c.world, ...patch.world },
        model: { ...c.model, ...patch.model },
        train: { ...c.train, ...patch.train },
      }));
      setAtStep(null);
      setGeneration((g) => g + 1);
      say('info', t.resetSaid(what));
    },
    [say, t],
  );

  const applyPreset = (p: Preset | null) => {
    if (!p) return;
    dispatch({ type: 'set', goods: p.history });
    setCandidate(p.candidate);
  };

  const playing = progress?.playing ?? false;
  // Stable handlers: the memoised training controls then re-render only when progress changes.
  const onSpeed = useCallback(
    (s: number) => {
      setSpeed(s);
      if (playing) client?.play(s);
    },
    [playing, client],
  );
  const onStep = useCallback(
    (n: number) => {
      setAtStep(null);
      client?.step(n);
    },
    [client],
  );
  const onPlay = useCallback(() => {
    setAtStep(null);
    client?.play(speed);
  }, [client, speed]);
  const onPause = useCallback(() => client?.pause(), [client]);
  const onReset = useCallback(() => {
    setAtStep(null);
    setGeneration((g) => g + 1);
    client?.reset();
  }, [client]);
  const stepsPerEpoch = Math.max(
    1,
    Math.ceil(trainer.trainSize / Math.max(1, config.train.batchSize)),
  );

  // The activation unit shows the inspected purchase, or the most recent one by default.
  const keptIndex = (() => {
    if (!lower) return 0;
    const { kept } = lower.result;
    const k = inspected === null ? -1 : kept.findIndex((h) => lower.uids[h] === inspected);
    return k >= 0 ? k : kept.length - 1;
  })();
  const keptGoods = useMemo(
    () => (current ? current.result.kept.map((h) => current.result.history[h]) : []),
    [current],
  );

  return (
    <TextProvider lang={lang}>
      <div className="page">
        <header className="masthead">
          <div className="masthead-text">
            <h1>{t.title}</h1>
            <p className="subtitle">{t.subtitle}</p>
          </div>
          <div className="masthead-tools">
            <label className="lang">
              <span>{t.language}</span>
              <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
                <option value="en">English</option>
                <option value="zh">中文</option>
              </select>
            </label>
            <div className="backend">
              <span aria-hidden="true">{t.backend}: </span>
              <span
                role="status"
                aria-label="Backend"
                title={trainer.backend?.fallbackReasons.join('; ')}
              >
                {trainer.backend ? trainer.backend.label : t.backendLoading}
              </span>
            </div>
          </div>
        </header>

        <Notices notices={trainer.notices} dismiss={trainer.dismiss} />

        {/* Three regions: on phones the training panel sits right after the history (Step stays
          close at hand); on wide screens it is a sticky column beside the whole story. */}
        <main className="layout">
          <div className="first">
            <Story id="attention">
              <div className="workbench">
                <div className="workbench-head">
                  <h3>{t.history}</h3>
                  <div className="toolbar" role="group" aria-label={t.presets}>
                    <button type="button" onClick={() => applyPreset(lessonPreset())}>
                      {t.presetLesson}
                    </button>
                    <button type="button" onClick={() => applyPreset(interestShiftPreset())}>
                      {t.presetShift}
                    </button>
                    <button
                      type="button"
                      onClick={() => applyPreset(randomShopperPreset(config.world, Math.random()))}
                    >
                      {t.presetRandom}
                    </button>
                    <button
                      type="button"
                      onClick={() => dispatch({ type: 'clear' })}
                      disabled={history.entries.length === 0}
                    >
                      {t.clear}
                    </button>
                    {history.undo && (
                      <button type="button" onClick={() => dispatch({ type: 'undo' })}>
                        {t.undo}
                      </button>
                    )}
                  </div>
                </div>
                <CandidatePicker value={candidate} onChange={setCandidate} />
                <HistoryEditor
                  history={history}
                  dispatch={dispatch}
                  T={config.model.T}
                  current={current}
                  previous={previous}
                  inspected={inspected}
                  onInspect={setInspected}
                />
                <p className="caption">{t.attentionCaption}</p>
                <AttentionTable current={current} previous={previous} />
              </div>
              <details className="shop-details" open>
                <summary>{t.shop}</summary>
                <Shop onAdd={addGood} />
              </details>
            </Story>
          </div>

          <aside className="side" aria-label={t.training}>
            <section className="panel" aria-labelledby="training-h">
              <h2 id="training-h">{t.training}</h2>
              <TrainingControls
                ready={ready}
                progress={progress}
                stepsPerEpoch={stepsPerEpoch}
                speed={speed}
                onSpeed={onSpeed}
                onStep={onStep}
                onPlay={onPlay}
                onPause={onPause}
                onReset={onReset}
              />
              <Rewind
                snapshots={trainer.snapshots}
                liveStep={progress?.step ?? 0}
                atStep={atStep}
                shownStep={current?.result.step ?? null}
                onRewind={setAtStep}
              />
            </section>
            <section className="panel" aria-labelledby="models-h">
              <h2 id="models-h">{t.models}</h2>
              <ModelCards ready={ready} scored={current} progress={progress} />
            </section>
            <details className="panel settings-panel">
              <summary>{t.settings}</summary>
              <Settings
                world={config.world}
                model={config.model}
                train={config.train}
                onChange={changeSettings}
              />
            </details>
          </aside>

          <div className="rest">
            <Story id="base">
              <h3>{t.pooling}</h3>
              <PoolingView scored={lower} />
            </Story>

            <Story id="din" />

            <Story id="unit">
              <h3>
                {t.unit}
                {lower && lower.result.kept.length > 0
                  ? `: ${goodName(lower.result.history[lower.result.kept[keptIndex]])} → ${goodName(candidate)}`
                  : ''}
              </h3>
              <ActivationUnit scored={lower} keptIndex={keptIndex} settings={config.model} />
            </Story>

            <Story id="heatmap">
              <Heatmap
                heatmap={heatmap}
                keptGoods={keptGoods}
                candidate={candidate}
                onPick={setCandidate}
                error={heatmapError}
              />
            </Story>

            <Story id="sequence" />

            <Story id="dien">
              <h3>{t.compare}</h3>
              <ShiftCompare
                data={compare}
                currentGood={cmpCurrent}
                oldGood={cmpOld}
                onCurrent={setCmpCurrent}
                onOld={setCmpOld}
              />
              <h3>{t.dienGates}</h3>
              <DienGates scored={lower} evolving={config.model.evolving} />
            </Story>

            <Story id="evolution">
              <h3>{t.trajectory}</h3>
              <p className="caption">{t.trajectoryCaption}</p>
              <Trajectories
                scored={lower}
                fitted={fitted.generation === generation ? fitted.dien : null}
                context={embeddings}
                onRefit={refitDien}
              />
              <h3>{t.auxHeading}</h3>
              <p className="caption">{t.auxCaption}</p>
              <AuxLoss scored={lower} alpha={config.model.auxWeight} />
            </Story>

            <Story id="embeddings">
              <h3>{t.embeddingMap}</h3>
              <p className="caption">{t.embeddingMapCaption}</p>
              <EmbeddingMap
                embeddings={embeddings}
                model={mapModel}
                onModel={setMapModel}
                fitted={fitted.generation === generation ? fitted[mapModel] : null}
                onRefit={refitMap}
              />
            </Story>

            <Story id="results">
              <h3>{t.curves}</h3>
              <TrainingCurves curves={trainer.curves} />
              <h3>{t.results}</h3>
              <ResultsTable progress={progress} />
            </Story>

            <Story id="takeaway" />
          </div>
        </main>
      </div>
    </TextProvider>
  );
}
