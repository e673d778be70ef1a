/**
 * The report's section on what was optimised (prose kept here, with the code that writes it) and
 * the interleaved A/B of DIEN's recurrent layers (bench/ab.ts; a backend without figures keeps
 * its row).
 */
import { abRows } from './engineSections';

export function optimisedSection(root: string): string {
  return `## What was optimised, and the interleaved A/B

**Responsiveness: the views no longer share a thread with training.** A training step is one
uninterruptible call in the worker (≈ 220 ms on wasm in Chromium before the engine work below,
≈ 75 ms after, ≈ 25 ms since issue 16's kernels; 0.3 s to seconds on a software GPU),
and every re-score after an edit used to queue behind it. The views' requests (score, heatmap,
embeddings) now go to a second worker, the *scoring worker*, which the training worker feeds its
live weights after every progress report (and each rewind snapshot) over a \`MessageChannel\`; a
config version on every request keeps replies consistent across resets. The scorer runs on wasm
(else cpu), and answers scores before heatmaps before embeddings. The views score on the kept
history length instead of padding to T (padding changes nothing; tested), so a history of 8 costs
about 8/20 of a padded one. An edit also asks the training worker to start no slice for 150 ms
(\`yield\`), and while training plays the views re-score at most every 400 ms (was 200 ms; the
weights change every 250 ms report): on two cores, fewer periodic re-scores left the scorer idle
more often when an edit came (wasm, while playing: edit p95 145 → 90 ms in two runs of the page
phase).

**Main thread.** The longest tasks after an edit were layout, not React: the catalogue
\`<select>\`s sized themselves to their widest of 44 emoji options on every layout (40–70 ms); they
now have a fixed width with \`contain: inline-size\`. Each page section paints in its own
stacking context (\`isolation: isolate\`), so the attention bars' transition frames re-record one
section, not the page. Views and heatmap rows are memoised with stable callbacks; the lower views
follow a deferred copy of the score (\`useDeferredValue\`), so the reply's first render updates only
the bars, table and cards; number formatters are cached.

**Engine.** DIEN was ≈ 70–80 % of a lockstep step, most of it kernel overhead in its two
recurrent layers (~3,700 kernels per step at T = 20). In order:

- Training does not stack the evolving layer's per-step states and gates (only views read them);
  AUGRU/AGRU fold the padding mask into a_t once per sequence ((a·m)·u = (a·u)·m, m ∈ {0, 1}).
- No \`tf.tile\` on the hot path: the wasm backend's Tile kernel cost more than the GRU's matMuls
  (44 calls ≈ 75–110 ms of a 165 ms DIEN evaluation batch). The state is stacked for the gates'
  batched matMul, and masks and the candidate broadcast by multiplies.
- A fused recurrence (\`src/model/recurrence.ts\`): the whole GRU/AUGRU/AGRU time loop is one
  \`tf.customGrad\` op with a hand-written backward pass (BPTT). About 15 kernels per step forward and
  12 backward, with everything that does not depend on the carried gradient (gate derivatives,
  ∂U over all steps as one batched matMul) computed once per sequence. Tested against autodiff of
  the per-step cell for every cell (states and all gradients within 1e-5) and by finite
  differences on DIEN's training loss.
- The wasm backend's Slice and Unpack kernels are replaced by zero-copy ones
  (\`src/train/worker/wasmSlice.ts\`): the stock kernels copy the whole input out of the wasm heap for
  every slice, so \`tf.unstack\` of a [T, …] tensor copied it T times (~40 MB per DIEN step). Node
  shrugged it off; Chromium, where every such ArrayBuffer adds to V8's GC pressure, trained DIEN
  ~7× slower than Node. A main-thread probe of the lockstep step in Chromium: 336 → 119 ms.
- Evaluation runs a logits-only forward pass; weight export (checkpoints, rewind, the scorer's
  feed) reads each model back once instead of once per variable.
- Issue 16 (section "Fused recurrence kernels" below): the time loop as one kernel each way on
  cpu, wasm and webgpu, Adam as one kernel per variable, and replacements for stock kernels slow
  at these shapes: wasm's BatchMatMul on XNNPACK for transposed and batched products, its
  embedding gather over heap views, its Identity without a copy; webgpu's small products and sums
  as one-thread-per-output programs.
- Tried and reverted: splitting the gate stack into (u, r) and h̃ parts (slicing a 4-D stack made
  the cpu backend 1.6× slower); a broadcast \`matMul\` instead of stacking (tfjs 4.22 has no
  broadcast gradient for BatchMatMul).

Interleaved A/B of DIEN's two recurrent layers, forward + gradients, B = 64, T = 20
(\`bench/ab.ts\`; "before" is the GRU before any of this work, \`bench/legacy/gru.ts\`). Values and
gradients agree to float rounding: the largest relative difference is given.

| Backend | Before ms | After ms | Speed-up | Kernels before → after | Max rel. diff |
|---|---:|---:|---:|---:|---:|
${abRows(root).join('\n')}

Already in place before this work (so not re-done): GRU input projection hoisted out of the time
loop and gates fused into one batched matMul; scatterND embedding gradient; loss readbacks at most
every 250 ms / 50 steps; tfjs only in the worker, loaded after first paint.
`;
}
