/**
 * The explainer page: one shopper's history, three models training in a worker, and the views
 * of what they learn, laid out in the lesson's order. The state is the page reducer's
 * (src/ui/state), training's is the worker's progress (src/ui/training/useTrainer); the link
 * follows the shareable part of the state.
 */
import { useCallback, useDeferredValue, useMemo, useReducer } from 'react';
import { Architecture } from './ui/architecture/Architecture';
import { Contents, SkipLink } from './ui/common/Contents';
import { CatalogueContext, goodName } from './ui/common/goods';
import { CATALOGUE } from './world/catalogue';
import { Masthead } from './ui/common/Masthead';
import { Notices } from './ui/common/Notices';
import { Story } from './ui/common/Story';
import { useNotices } from './ui/common/useNotices';
import { DienStories } from './ui/dien/DienStories';
import { ActivationUnit } from './ui/din/ActivationUnit';
import { Heatmap } from './ui/din/Heatmap';
import { PoolingView } from './ui/din/PoolingView';
import { keptIndexOf, unitGood } from './ui/din/unitData';
import { EmbeddingMap } from './ui/embeddings/EmbeddingMap';
import { useEmbeddings } from './ui/embeddings/useEmbeddings';
import { ExportPanel } from './ui/export/ExportPanel';
import { Workbench } from './ui/history/Workbench';
import { goodsOf, timesOf } from './ui/state/historyReducer';
import { INITIAL } from './ui/state/initial';
import type { Notice } from './ui/state/types';
import { initPage, pageActions, pageReducer, urlStateOf } from './ui/state/pageReducer';
import { useUrlProblems, useUrlSync } from './ui/state/useUrlSync';
import { STRINGS } from './ui/text/i18n';
import { TextProvider } from './ui/text/TextContext';
import { ResultsTable } from './ui/training/ResultsTable';
import { TrainingCurves } from './ui/training/TrainingCurves';
import { BackendPicker } from './ui/training/BackendPicker';
import { badgeText } from './ui/training/backendWords';
import { TrainingPanel } from './ui/training/TrainingPanel';
import { replayedStep, shownMetrics } from './ui/training/shownMetrics';
import { useBackendChoice } from './ui/training/useBackendChoice';
import { useScores } from './ui/training/useScores';
import { useTrainer } from './ui/training/useTrainer';
import { RunsPanel } from './ui/runs/RunsPanel';
import { runsParamOf, selectedRuns } from './ui/runs/selected';
import { useRuns } from './ui/runs/useRuns';
import { SavedRun } from './ui/persist/SavedRun';
import { SessionFile } from './ui/persist/SessionFile';
import { PERSIST_STRINGS } from './ui/persist/strings';
import { useAutosave } from './ui/persist/useAutosave';
import { BugLab } from './ui/buglab/BugLab';
import { BstRoom } from './ui/bst/BstRoom';
import { twinRows } from './ui/buglab/twinRows';
import { useTwinProbe } from './ui/buglab/useTwinProbe';
import { LazyImportPanel, SHELF } from './ui/import/LazyImportPanel';
import { useDatasets } from './ui/state/useDatasets';

export function App() {
  const [page, dispatch] = useReducer(pageReducer, INITIAL.state, initPage);
  const act = useMemo(() => pageActions(dispatch), []);
  const { notices, say, dismiss } = useNotices();
  const trainer = useTrainer(page.config, page.resets, INITIAL.state.backend, say);
  const backends = useBackendChoice(trainer.client, INITIAL.state.backend);
  const runs = useRuns(trainer, page, act, say);
  const onNotSaved = useCallback(
    (reason: string) => say('warning', PERSIST_STRINGS[page.lang].notSaved(reason)),
    [say, page.lang],
  );
  const autosave = useAutosave(trainer, page, act, onNotSaved, runs);
  useUrlSync(page, backends.choice, runsParamOf(runs.state, urlStateOf(page, backends.choice)));
  const selected = useMemo(() => selectedRuns(runs.state, page.lang), [runs.state, page.lang]);
  useUrlProblems(say);
  const onShelfProblem = useCallback((m: string) => say('warning', m), [say]);
  const datasets = useDatasets(trainer.client, act, SHELF, onShelfProblem);
  const file = datasets.worldOf(page.config.data);

  const { history, candidate, atStep, config } = page;
  const goods = useMemo(() => goodsOf(history), [history]);
  const uids = useMemo(() => history.entries.map((e) => e.uid), [history]);
  const times = useMemo(() => timesOf(history), [history]);
  const scores = useScores(trainer, goods, uids, candidate, atStep, { times });
  const { current, previous, heatmap, heatmapError } = scores;
  // The views below the history (pooling, activation unit, gates, trajectories, aux loss) follow
  // a deferred copy of the score: the reply's first, synchronous render updates only the strip,
  // the table and the model cards, and React renders the rest right after in interruptible slices,
  // so no single main-thread task has to redo every view at once.
  const lower = useDeferredValue(current);
  // While rewound nothing changes with training: no need to re-request on progress.
  const tick = atStep === null ? trainer.progress : atStep;
  const { embeddings, fitted, refit } = useEmbeddings(trainer, atStep, tick);
  const probe = useTwinProbe(trainer, (config.bugLab ?? []).length > 0, goods, candidate);

  // The NaN guard's way out: a lower learning rate, and training goes on from the restored step.
  const { client } = trainer;
  const onNoticeAction = useCallback(
    (n: Notice) => {
      if (n.action?.type !== 'lowerLearningRate' || !client) return;
      act.learningRate(n.action.learningRate);
      client.setLearningRate(n.action.learningRate);
      client.play(page.speed);
      dismiss(n.id);
    },
    [act, client, dismiss, page.speed],
  );

  // The activation unit shows the inspected purchase, or the most recent one by default.
  const keptIndex = keptIndexOf(lower, page.inspected);
  const unitOf = unitGood(lower, keptIndex);
  // The provider below gives the views their strings; the layout's own headings read them here.
  const t = STRINGS[page.lang];
  const shown = shownMetrics(
    trainer.curves,
    trainer.progress,
    replayedStep(trainer.snapshots, atStep),
  );
  const shownStep = shown.test?.step;
  const twins = useMemo(
    () => twinRows(config, trainer.progress, shownStep, page.lang),
    [config, trainer.progress, shownStep, page.lang],
  );

  return (
    <TextProvider lang={page.lang}>
      <CatalogueContext.Provider value={file?.catalogue ?? CATALOGUE}>
        <div className="page">
          <SkipLink />
          <Masthead
            lang={page.lang}
            onLang={act.lang}
            backend={trainer.info?.backend ?? null}
            badge={
              trainer.info ? badgeText(trainer.info.backend, backends.speeds, page.lang) : null
            }
          >
            <BackendPicker info={trainer.info} backends={backends} ready={trainer.ready} />
          </Masthead>
          <Notices notices={notices} dismiss={dismiss} onAction={onNoticeAction} />
          <SavedRun
            saved={autosave.saved}
            onStartFresh={autosave.startFresh}
            onResume={autosave.resumeOffered}
          />
          <Contents />
          <LazyImportPanel active={config.data} onUse={datasets.use} onToyShop={datasets.toyShop} />

          {/* Three regions: on phones the training panel sits right after the history (Step stays
            close at hand); on wide screens it is a sticky column beside the whole story. */}
          <main className="layout">
            <div className="first">
              <Story id="attention">
                <Workbench
                  page={page}
                  act={act}
                  current={current}
                  previous={previous}
                  file={file}
                />
              </Story>
              <Architecture
                scored={lower}
                goods={goods}
                candidate={candidate}
                settings={config.model}
                bst={config.bst}
              />
            </div>

            <TrainingPanel
              trainer={trainer}
              backends={backends}
              page={page}
              act={act}
              scored={current}
              say={say}
              currentRun={runs.state.current}
            />

            <div className="rest">
              <Story id="base">
                <h3>{t.pooling}</h3>
                <PoolingView scored={lower} />
              </Story>

              <Story id="din" />

              <Story id="unit">
                <h3>
                  {t.unit}
                  {unitOf !== null
                    ? `: ${goodName(unitOf, page.lang, file?.catalogue)} → ${goodName(candidate, page.lang, file?.catalogue)}`
                    : ''}
                </h3>
                <ActivationUnit scored={lower} keptIndex={keptIndex} settings={config.model} />
              </Story>

              <Story id="heatmap">
                <Heatmap
                  heatmap={heatmap}
                  scored={current}
                  candidate={candidate}
                  onPick={act.candidate}
                  error={heatmapError}
                />
              </Story>

              <Story id="sequence" />

              <DienStories
                trainer={trainer}
                goods={goods}
                page={page}
                act={act}
                tick={tick}
                scored={lower}
                model={config.model}
                fitted={fitted.dien}
                embeddings={embeddings}
                onRefit={refit}
              >
                <BstRoom
                  config={config}
                  scored={lower}
                  ready={trainer.ready}
                  currentRun={runs.state.current}
                  onChange={act.reset}
                />
              </DienStories>

              <Story id="embeddings">
                <h3>{t.embeddingMap}</h3>
                <p className="caption">{t.embeddingMapCaption}</p>
                <EmbeddingMap
                  embeddings={embeddings}
                  model={page.mapModel}
                  onModel={act.mapModel}
                  fitted={fitted[page.mapModel]}
                  onRefit={refit}
                />
              </Story>

              <Story id="results">
                <RunsPanel
                  runs={runs}
                  step={trainer.progress?.step ?? 0}
                  version={trainer.version}
                  ready={trainer.ready}
                />
                <h3>{t.curves}</h3>
                <TrainingCurves
                  overlay={selected.overlay}
                  curves={trainer.curves}
                  ceiling={trainer.info?.bayesAuc}
                  alpha={config.model.auxWeight}
                  at={replayedStep(trainer.snapshots, atStep)}
                />
                <h3>{t.results}</h3>
                <ResultsTable
                  shown={shown}
                  info={trainer.info}
                  runs={selected.rows}
                  twins={twins}
                />
                <BugLab
                  config={config}
                  progress={trainer.progress}
                  info={trainer.info}
                  ready={trainer.ready}
                  currentRun={runs.state.current}
                  probe={probe}
                  onChange={act.reset}
                />
                <ExportPanel
                  client={trainer.client}
                  ready={trainer.ready}
                  config={config}
                  curves={trainer.curves}
                />
                <SessionFile
                  client={trainer.client}
                  ready={trainer.ready}
                  page={page}
                  curves={trainer.curves}
                  runs={runs.state}
                  onOpen={autosave.open}
                />
              </Story>

              <Story id="takeaway" />
            </div>
          </main>
        </div>
      </CatalogueContext.Provider>
    </TextProvider>
  );
}
